"""离线版（make offline）的钩子。

MkDocs Material 的 offline 插件让站点能从文件系统打开：它关掉目录式地址，把搜索索引内联成脚本，
并为 file:// 下不能用的 Web Worker 加一个 iframe-worker 垫片。插件默认从 unpkg.com 加载这个垫片，
离线时根本拿不到；这里换成仓库里的副本 docs/assets/vendor/iframe-worker/shim.js（MIT 许可）。
不是离线构建时，这个副本不被任何页面引用，也就不会被加载。
"""

from __future__ import annotations

SHIM = "assets/vendor/iframe-worker/shim.js"


def on_config(config):
    offline = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    if offline is None or not offline.config.enabled:
        return config
    polyfills = config["extra"].get("polyfills", [])
    config["extra"]["polyfills"] = [SHIM if "iframe-worker" in p else p for p in polyfills]
    return config
