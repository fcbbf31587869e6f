"""第 6 章：数据加载与处理（真实格式的小号 MNIST / CIFAR-10，见 fake_datasets.py）。"""

from __future__ import annotations

from pathlib import Path


def _mnist(workdir: Path) -> None:
    from fake_datasets import write_mnist

    write_mnist(workdir / "data")


def _cifar10(workdir: Path) -> None:
    from fake_datasets import write_cifar10

    write_cifar10(workdir / "data")


PREPARERS = {
    "snippets/06_data/builtin_mnist.py": _mnist,
    "snippets/06_data/cifar10_format.py": _cifar10,
}
