"""个别示例运行前需要准备的本地文件。

示例在一个空的临时目录里运行，不能联网下载。需要数据集或权重文件的示例，
在 ``tests/preparers/chNN.py`` 里登记一个准备函数：它在运行前把“真实格式”的小文件写进该目录，
示例里的真实加载代码（例如 datasets.MNIST(root="data", download=True)）
发现文件已经存在，就不会去下载。

这里把 preparers 包里每个模块的 ``PREPARERS`` 合并成一个字典：
键是 snippet 文件相对仓库根目录的路径，值是接收临时目录路径的函数。
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from pathlib import Path

import preparers


def _collect() -> dict[str, Callable[[Path], None]]:
    merged: dict[str, Callable[[Path], None]] = {}
    for info in sorted(pkgutil.iter_modules(preparers.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"preparers.{info.name}")
        for name, func in getattr(module, "PREPARERS", {}).items():
            if name in merged:
                raise RuntimeError(f"{name} 在两个准备模块里都登记了")
            merged[name] = func
    return merged


PREPARERS: dict[str, Callable[[Path], None]] = _collect()


def preparer_for(sources: list[str]) -> tuple[Callable[[Path], None] | None, str]:
    """给一组 snippet 来源找准备函数；返回 (函数, 用于缓存的键)。"""
    funcs = [(s, PREPARERS[s]) for s in sources if s in PREPARERS]
    if not funcs:
        return None, ""

    def prepare(workdir: Path) -> None:
        for _, func in funcs:
            func(workdir)

    return prepare, "+".join(s for s, _ in funcs)
