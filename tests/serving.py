"""浏览器测试与性能脚本共用的东西：Chromium 的启动参数、本机静态服务器、断网补丁。"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

OFFLINE_DIR = Path(__file__).resolve().parent / "offline"


# 浏览器测试与性能脚本共用的 Chromium 设置。默认用 Debian 的 chromium；
# 其他系统（如 GitHub 的 Ubuntu runner）用 PTNOTES_CHROMIUM 指定。后台联网相关的开关都关掉，
# 否则 Chromium 启动时会尝试连接 Google 的服务器。
CHROMIUM = os.environ.get("PTNOTES_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextlib.contextmanager
def serve_directory(directory: Path):
    """在本机随机端口上用静态 HTTP 服务器提供一个目录，产出根地址。浏览器测试与性能脚本共用。"""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # 不把每个请求都打印出来
        pass


def install_network_guard() -> None:
    """让当前进程也只能连本机：与示例子进程用同一份断网补丁（tests/offline/sitecustomize.py）。"""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "ptnotes_offline", OFFLINE_DIR / "sitecustomize.py"
    )
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
