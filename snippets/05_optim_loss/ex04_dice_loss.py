"""习题 4：为二值分割写 soft Dice 损失，手算核对，并说明它为什么适合前景很小的掩码。"""

import torch
import torch.nn.functional as F
from torch import nn


class DiceLoss(nn.Module):
    """1 - Dice，Dice = (2·Σp·y + s) / (Σp + Σy + s)，每张图单独算再取平均。"""

    def __init__(self, smooth=1.0):
        super().__init__()
        self.smooth = smooth

    def forward(self, logits, target):
        p = torch.sigmoid(logits).flatten(1)  # (N, H*W)
        y = target.flatten(1)
        inter = (p * y).sum(dim=1)
        dice = (2 * inter + self.smooth) / (p.sum(dim=1) + y.sum(dim=1) + self.smooth)
        return (1 - dice).mean()


# 一张 2x2 的小图：手算核对
logits = torch.tensor([[[[2.0, -1.0], [0.0, -3.0]]]])  # (N=1, C=1, H=2, W=2)
mask = torch.tensor([[[[1.0, 0.0], [1.0, 0.0]]]])
p = torch.sigmoid(logits)
print(f"预测概率：{[round(v, 4) for v in p.flatten().tolist()]}")
inter = (p * mask).sum()
hand = 1 - (2 * inter + 1) / (p.sum() + mask.sum() + 1)
print(f"DiceLoss: {DiceLoss()(logits, mask).item():.4f}  手算：{hand.item():.4f}")

# 前景只占 1% 的掩码：模型什么都预测成背景
torch.manual_seed(0)
big_mask = torch.zeros(1, 1, 20, 20)
big_mask[..., 9:11, 9:11] = 1.0  # 400 个像素里只有 4 个前景
all_background = torch.full_like(big_mask, -4.0)
bce = F.binary_cross_entropy_with_logits(all_background, big_mask)
dice = DiceLoss()(all_background, big_mask)
print(f"全预测为背景：BCE {bce.item():.4f}（看起来不错）  Dice 损失 {dice.item():.4f}（几乎最差）")

# 实践中常把两者相加：BCE 给出平滑的逐像素梯度，Dice 直接盯住前景重叠。
# 这里把一张 logits 图本身当作参数来优化（代替分割网络），检查组合损失能否学出前景
model_out = torch.zeros(1, 1, 20, 20, requires_grad=True)
optimizer = torch.optim.Adam([model_out], lr=0.1)
for _ in range(100):
    optimizer.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model_out, big_mask) + DiceLoss()(model_out, big_mask)
    loss.backward()
    optimizer.step()
pred = (model_out > 0).float()
iou = (pred * big_mask).sum() / ((pred + big_mask) > 0).float().sum()
print(f"BCE + Dice 优化 100 步后：损失 {loss.item():.4f}  IoU {iou.item():.3f}")
