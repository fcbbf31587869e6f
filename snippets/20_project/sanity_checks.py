import csv
import math
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn
from torchvision.io import ImageReadMode, decode_image

torch.set_default_dtype(torch.float64)  # 与 train.py 一样用 float64，结果才能在各台机器上复现
torch.manual_seed(0)
torch.set_num_threads(1)
CLASSES = ["good", "scratch", "spot", "dent"]
DATA = Path("data")


# ---- 与 train.py 相同的模型定义 ----
def conv_block(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


class DefectNet(nn.Module):
    def __init__(self, mean=0.5, std=0.25):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        self.features = nn.Sequential(conv_block(1, 8), conv_block(8, 16), conv_block(16, 32))
        self.head = nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(32, 4))

    def forward(self, x):
        return self.head(self.features((x - self.mean) / self.std))


# 每类取 8 张训练图，一共 32 张
with open(DATA / "manifest.csv", newline="", encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(f) if r["split"] == "train"]
picked = [r for c in CLASSES for r in [r for r in rows if r["label"] == c][:8]]
x = torch.stack([decode_image(str(DATA / r["file"]), mode=ImageReadMode.GRAY) for r in picked])
x = x.double() / 255
y = torch.tensor([CLASSES.index(r["label"]) for r in picked])

# --8<-- [start:checks]
model = DefectNet(x.mean().item(), x.std().item())

# 检查 1：输出形状对不对
logits = model(x)
print("输出形状：", tuple(logits.shape))

# 检查 2：随机初始化的模型应当什么都不确定，初始损失接近 ln(类别数)
loss = F.cross_entropy(logits, y)
print(f"初始损失 {loss.item():.2f}，ln(4) = {math.log(4):.2f}")
top = logits.softmax(dim=1).max(dim=1).values.mean().item()
print(f"初始预测的平均最高概率 {top:.2f}（完全不确定时是 0.25）")

# 检查 3：每个参数都拿到了梯度（有层没接进计算图时，它的 .grad 是 None）
loss.backward()
no_grad = [name for name, p in model.named_parameters() if p.grad is None]
print("没有梯度的参数：", no_grad or "无")

# 检查 4：在 32 张图上过拟合。连这么少的图都背不下来，就不用开始正式训练了
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
for step in range(1, 61):
    loss = F.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 20 == 0:
        model.eval()
        with torch.inference_mode():
            acc = (model(x).argmax(1) == y).float().mean().item()
        model.train()
        print(f"第 {step} 步：损失 {loss.item():.3f}，这 32 张上的准确率 {acc:.0%}")
# --8<-- [end:checks]
