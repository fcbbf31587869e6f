import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
S = 32


def make_data(n, seed):
    """灰度图：1～2 个略亮的椭圆是目标；一条更亮的细线是干扰，不算目标。"""
    g = torch.Generator().manual_seed(seed)
    ys, xs = torch.meshgrid(torch.arange(S * 1.0), torch.arange(S * 1.0), indexing="ij")
    images = torch.randn(n, 1, S, S, generator=g) * 0.15 + 0.3
    images += xs / S * torch.rand(n, 1, 1, 1, generator=g) * 0.3  # 不均匀的光照
    masks = torch.zeros(n, 1, S, S)
    for i in range(n):
        for _ in range(int(torch.randint(1, 3, (1,), generator=g))):
            cx, cy = torch.rand(2, generator=g) * (S - 12) + 6
            a, b = torch.rand(2, generator=g) * 5 + 3
            masks[i, 0][((xs - cx) / a) ** 2 + ((ys - cy) / b) ** 2 <= 1] = 1
        x0, y0, x1 = (torch.rand(3, generator=g) * S).tolist()
        line = ((ys - y0) * (x1 - x0) - (xs - x0) * S).abs() / (S**2 + (x1 - x0) ** 2) ** 0.5 < 0.7
        images[i, 0][line] += 0.6
    images += masks * 0.35
    return images, masks


# --8<-- [start:unet]
def double_conv(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(),
        nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(),
    )  # fmt: skip


class TinyUNet(nn.Module):
    """两次下采样、两次上采样的 U-Net：编码器的特征经跳跃连接拼到解码器上。"""

    def __init__(self, c=8):
        super().__init__()
        self.enc1, self.enc2 = double_conv(1, c), double_conv(c, 2 * c)
        self.bottom = double_conv(2 * c, 4 * c)
        self.up2 = nn.ConvTranspose2d(4 * c, 2 * c, 2, stride=2)  # 转置卷积：尺寸放大一倍
        self.dec2 = double_conv(4 * c, 2 * c)  # 输入是上采样结果与 enc2 拼接，通道 2c + 2c
        self.up1 = nn.ConvTranspose2d(2 * c, c, 2, stride=2)
        self.dec1 = double_conv(2 * c, c)
        self.head = nn.Conv2d(c, 1, 1)  # 每个像素一个 logit：是不是目标

    def forward(self, x):
        e1 = self.enc1(x)  # (N, c, 32, 32)
        e2 = self.enc2(F.max_pool2d(e1, 2))  # (N, 2c, 16, 16)
        b = self.bottom(F.max_pool2d(e2, 2))  # (N, 4c, 8, 8)
        d2 = self.dec2(torch.cat([self.up2(b), e2], dim=1))  # (N, 2c, 16, 16)
        d1 = self.dec1(torch.cat([self.up1(d2), e1], dim=1))  # (N, c, 32, 32)
        return self.head(d1)


# --8<-- [end:unet]


# --8<-- [start:metrics]
def dice_loss(logits, masks, eps=1.0):
    probs = torch.sigmoid(logits)
    inter = (probs * masks).sum(dim=(1, 2, 3))
    total = probs.sum(dim=(1, 2, 3)) + masks.sum(dim=(1, 2, 3))
    return (1 - (2 * inter + eps) / (total + eps)).mean()


def iou_and_dice(pred, target):
    """二值掩码的 IoU 与 Dice，把整个测试集的像素合在一起算。"""
    inter = (pred & target).sum().item()
    union = (pred | target).sum().item()
    return inter / union, 2 * inter / (pred.sum().item() + target.sum().item())


# --8<-- [end:metrics]


train_x, train_y = make_data(240, seed=1)
test_x, test_y = make_data(200, seed=2)
model = TinyUNet().to(device)
epochs, batch_size = 8, 16
optimizer = torch.optim.Adam(model.parameters(), lr=2e-2)
# 学习率按余弦曲线在整个训练中降到 0（第 5 章）：起步快，最后几步很小，结果稳定
steps = epochs * math.ceil(len(train_x) / batch_size)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=steps)
g = torch.Generator().manual_seed(0)
for epoch in range(1, epochs + 1):
    model.train()
    total = 0.0
    for idx in torch.randperm(len(train_x), generator=g).split(batch_size):
        x, y = train_x[idx].to(device), train_y[idx].to(device)
        logits = model(x)
        loss = F.binary_cross_entropy_with_logits(logits, y) + dice_loss(logits, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        total += loss.item() * len(idx)
    if epoch % 4 == 0:
        print(f"轮次 {epoch}：训练损失 {total / len(train_x):.3f}")

model.eval()
with torch.inference_mode():
    pred = torch.sigmoid(model(test_x.to(device))).cpu() > 0.5
truth = test_y.bool()
print("U-Net      IoU {:.3f}  Dice {:.3f}".format(*iou_and_dice(pred, truth)))
# 对照：不学习，直接按亮度阈值分割（阈值在训练集上挑最好的）
best_t = max(
    torch.arange(0.3, 1.0, 0.05), key=lambda t: iou_and_dice(train_x > t, train_y.bool())[0]
)
print(
    "亮度阈值 {:.2f}  IoU {:.3f}  Dice {:.3f}".format(best_t, *iou_and_dice(test_x > best_t, truth))
)

fig, axes = plt.subplots(3, 5, figsize=(8, 5))
for j in range(5):
    axes[0, j].imshow(test_x[j, 0], cmap="gray")
    axes[1, j].imshow(test_y[j, 0], cmap="gray")
    overlay = test_x[j, 0].clamp(0, 1).unsqueeze(-1).repeat(1, 1, 3)
    overlay[pred[j, 0]] = overlay[pred[j, 0]] * 0.4 + torch.tensor([1.0, 0.2, 0.2]) * 0.6
    axes[2, j].imshow(overlay)
for ax, name in zip(axes[:, 0], ["image", "true mask", "prediction"], strict=True):
    ax.set_ylabel(name)
for ax in axes.flat:
    ax.set_xticks([])
    ax.set_yticks([])
fig.tight_layout()
fig.savefig("unet_overlay.png", dpi=100)
