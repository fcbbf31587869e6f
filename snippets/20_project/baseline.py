import csv
from pathlib import Path

import torch
import torch.nn.functional as F
from torchvision.io import ImageReadMode, decode_image

DATA = Path("data")
TARGET_RECALL = 0.98


def load_split(split):
    """整个划分读成一个张量：(N, 1, H, W) 的 [0, 1] 浮点图像和 是否缺陷 的布尔标签。"""
    with open(DATA / "manifest.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == split]
    images = torch.stack(
        [decode_image(str(DATA / r["file"]), mode=ImageReadMode.GRAY) for r in rows]
    )
    return images.float() / 255, torch.tensor([r["label"] != "good" for r in rows])


# --8<-- [start:rule]
def handcrafted_score(x):
    """不用学习的规则：减去 15×15 的局部均值（去掉照明的明暗），再做 5×5 平均
    （纹理的周期只有几个像素，平均后相互抵消，成片的缺陷留下来），取全图绝对值的最大值。"""
    background = F.avg_pool2d(x, 15, stride=1, padding=7, count_include_pad=False)
    residual = F.avg_pool2d(x - background, 5, stride=1)
    return residual.abs().amax(dim=(1, 2, 3))


def report(name, score, defect):
    # 与 CNN 用同样的选阈值规则：缺陷检出率至少 98%，在此前提下误报最少
    threshold = score[defect].sort().values[int(defect.sum() * (1 - TARGET_RECALL))]
    reject = score >= threshold
    print(
        f"{name}：检出 {int((reject & defect).sum())}/{int(defect.sum())}，"
        f"误报 {int((reject & ~defect).sum())}/{int((~defect).sum())}"
    )


# --8<-- [end:rule]

x, defect = load_split("val")
print(f"验证集 {len(x)} 张，其中缺陷 {int(defect.sum())} 张")
print(f"全部判为良品：准确率 {(~defect).float().mean():.0%}，检出 0/{int(defect.sum())}")
report("全部判为缺陷", torch.ones(len(x)), defect)
report("图像标准差", x.std(dim=(1, 2, 3)), defect)
report("去背景 + 平滑的规则", handcrafted_score(x), defect)
