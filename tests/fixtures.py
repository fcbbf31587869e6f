"""个别示例运行前需要准备的本地文件。

示例在一个空的临时目录里运行，不能联网下载。需要数据集或权重文件的示例，
在这里登记一个准备函数：它在运行前把“真实格式”的小文件写进该目录，
示例里的真实加载代码（例如 datasets.MNIST(root="data", download=True)）
发现文件已经存在，就不会去下载。

键是 snippet 文件相对仓库根目录的路径，值是接收临时目录路径的函数。
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

PREPARERS: dict[str, Callable[[Path], None]] = {}


def preparer_for(sources: list[str]) -> tuple[Callable[[Path], None] | None, str]:
    """给一组 snippet 来源找准备函数；返回 (函数, 用于缓存的键)。"""
    funcs = [(s, PREPARERS[s]) for s in sources if s in PREPARERS]
    if not funcs:
        return None, ""

    def prepare(workdir: Path) -> None:
        for _, func in funcs:
            func(workdir)

    return prepare, "+".join(s for s, _ in funcs)


# --- 第 6 章：数据加载与处理（真实格式的小号 MNIST / CIFAR-10，见 fake_datasets.py）---


def _ch06_mnist(workdir: Path) -> None:
    from fake_datasets import write_mnist

    write_mnist(workdir / "data")


def _ch06_cifar10(workdir: Path) -> None:
    from fake_datasets import write_cifar10

    write_cifar10(workdir / "data")


PREPARERS["snippets/06_data/builtin_mnist.py"] = _ch06_mnist
PREPARERS["snippets/06_data/cifar10_format.py"] = _ch06_cifar10


# --- 第 7 章：模型训练与评估（MNIST 完整流程用真实格式的小号 MNIST）---


def _ch07_mnist(workdir: Path) -> None:
    from fake_datasets import write_mnist

    write_mnist(workdir / "data", n_train=1000, n_test=200, seed=0)


PREPARERS["snippets/07_training/mnist_workflow.py"] = _ch07_mnist
