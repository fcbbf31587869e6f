"""第 9 章：迁移学习（预训练权重的替身文件）。

页面上教的是读者真正会写的加载代码：``resnet18(weights=ResNet18_Weights.DEFAULT)``。
torchvision 会在 ``$TORCH_HOME/hub/checkpoints/`` 下找一个以权重 URL 最后一段命名的文件，
找到就直接 ``torch.load``，找不到才下载。测试机不能联网，所以这里先把一份
“随机初始化、固定种子”的 state_dict 用 ``torch.save`` 写到那个位置。

torchvision 调用 ``load_state_dict_from_url(..., check_hash=True)``，但 torch.hub 只在
**下载时**核对文件名里的哈希前缀（``resnet18-f37072fd.pth`` 里的 ``f37072fd``）；
缓存里已有的文件不做校验（torch 2.14.1、torchvision 0.29.1 上实测）。所以替身文件能被正常加载，
输出的形状、类别数、预处理参数与真实权重相同，只有与权重数值有关的结果（预测出哪一类）不同。
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

# 同一个测试进程里每种权重只生成一次，之后复制
_CACHE: dict[str, Path] = {}


def _stand_in(arch: str) -> tuple[Path, str]:
    import torch
    from torchvision import models

    weights = models.get_model_weights(arch).DEFAULT
    filename = weights.url.rsplit("/", 1)[-1]
    if arch not in _CACHE:
        torch.manual_seed(0)
        model = models.get_model(arch, weights=None)
        path = Path(tempfile.mkdtemp(prefix="ptnotes-ch09-")) / filename
        torch.save(model.state_dict(), path)
        _CACHE[arch] = path
    return _CACHE[arch], filename


def _place(workdir: Path, *archs: str) -> None:
    target = workdir / ".torch" / "hub" / "checkpoints"
    target.mkdir(parents=True, exist_ok=True)
    for arch in archs:
        source, filename = _stand_in(arch)
        shutil.copyfile(source, target / filename)


def _resnet18(workdir: Path) -> None:
    _place(workdir, "resnet18")


def _mobilenet(workdir: Path) -> None:
    _place(workdir, "mobilenet_v3_small")


_SNIPPETS = "snippets/09_transfer_learning"

PREPARERS = {
    f"{_SNIPPETS}/load_pretrained.py": _resnet18,
    f"{_SNIPPETS}/preprocess_and_predict.py": _resnet18,
    f"{_SNIPPETS}/freeze_and_replace_head.py": _resnet18,
    f"{_SNIPPETS}/frozen_batchnorm.py": _resnet18,
    f"{_SNIPPETS}/param_groups_unfreeze.py": _resnet18,
    f"{_SNIPPETS}/feature_extractor.py": _resnet18,
    f"{_SNIPPETS}/ex01_partial_freeze.py": _resnet18,
    f"{_SNIPPETS}/ex02_mobilenet_head.py": _mobilenet,
    f"{_SNIPPETS}/ex04_unfreeze_twice.py": _resnet18,
}
