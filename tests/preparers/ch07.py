"""第 7 章：模型训练与评估（MNIST 完整流程用真实格式的小号 MNIST）。"""

from __future__ import annotations

from pathlib import Path


def _mnist(workdir: Path) -> None:
    from fake_datasets import write_mnist

    write_mnist(workdir / "data", n_train=1000, n_test=200, seed=0)


PREPARERS = {"snippets/07_training/mnist_workflow.py": _mnist}
