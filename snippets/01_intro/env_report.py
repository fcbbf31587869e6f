"""打印一份环境报告：提问、报 bug 或换机器时，先把这些信息贴出来。"""

import sys

import numpy as np
import torch
import torchvision


def release(version: str) -> str:
    """去掉 +cpu / +cu128 这类本地后缀，只保留发行版本号。"""
    return version.split("+")[0]


report = {
    "Python": f"{sys.version_info.major}.{sys.version_info.minor}",
    "PyTorch": release(torch.__version__),
    "torchvision": release(torchvision.__version__),
    "NumPy": np.__version__,
    "CUDA 可用": torch.cuda.is_available(),
    # cuDNN 是 NVIDIA 的深度学习算子库，只在 CUDA 可用时才派得上用场
    "cuDNN 可用": torch.cuda.is_available() and torch.backends.cudnn.is_available(),
    "MPS 可用": torch.backends.mps.is_available(),
    "加速器数量": torch.accelerator.device_count(),
}

print("===== 环境报告 =====")
for name, value in report.items():
    print(f"- {name}：{value}")
