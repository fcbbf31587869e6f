"""自定义损失：二分类 Focal Loss，写成 nn.Module，并用手算与 torchvision 核对。"""

import math

import torch
import torch.nn.functional as F
from torch import nn
from torchvision.ops import sigmoid_focal_loss

torch.set_printoptions(precision=6, sci_mode=False)


class FocalLoss(nn.Module):
    """FL = -alpha_t * (1 - p_t)^gamma * log(p_t)，对“容易”的样本降权。"""

    def __init__(self, alpha=0.25, gamma=2.0, reduction="mean"):
        super().__init__()
        self.alpha, self.gamma, self.reduction = alpha, gamma, reduction

    def forward(self, logits, target):
        # 用 BCE-with-logits 求 -log(p_t)，保持数值稳定
        ce = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
        p_t = torch.exp(-ce)  # 正确类别的概率
        loss = (1 - p_t) ** self.gamma * ce
        if self.alpha is not None:
            alpha_t = self.alpha * target + (1 - self.alpha) * (1 - target)
            loss = alpha_t * loss
        if self.reduction == "mean":
            return loss.mean()
        if self.reduction == "sum":
            return loss.sum()
        return loss


logits = torch.tensor([2.0, -1.0, 0.5, -3.0])
target = torch.tensor([1.0, 1.0, 0.0, 0.0])
per_sample = FocalLoss(reduction="none")(logits, target)
print("逐样本 focal loss:", per_sample)


# 手算第 1、2 个样本（都是正样本，alpha_t = 0.25）
def hand(z, alpha=0.25, gamma=2.0):
    p = 1 / (1 + math.exp(-z))
    return -alpha * (1 - p) ** gamma * math.log(p)


print(f"手算样本 1: {hand(2.0):.6f}  样本 2: {hand(-1.0):.6f}")

# 与 torchvision 的实现对照
ref = sigmoid_focal_loss(logits, target, alpha=0.25, gamma=2.0, reduction="none")
print("torchvision.ops.sigmoid_focal_loss:", ref)
print(f"一致：{torch.allclose(per_sample, ref)}")

# gamma=0 且不用 alpha 时，退化成普通的 BCEWithLogitsLoss
plain = FocalLoss(alpha=None, gamma=0.0)(logits, target)
print(f"gamma=0 时：{plain:.6f}  BCEWithLogitsLoss: {nn.BCEWithLogitsLoss()(logits, target):.6f}")

# 降权效果：容易样本（已经很有把握）的损失被压得比难样本多得多
bce = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
focal = FocalLoss(alpha=None, reduction="none")(logits, target)
for z, t, b, f in zip(logits, target, bce, focal, strict=True):
    p_t = torch.sigmoid(z) if t == 1 else 1 - torch.sigmoid(z)
    print(
        f"p_t={p_t.item():.3f}  BCE={b.item():.4f}  focal={f.item():.4f}  比值={f.item() / b.item():.3f}"
    )

# 它和内置损失一样可以反向传播
x = logits.clone().requires_grad_()
FocalLoss()(x, target).backward()
print(f"对 logits 的梯度：{x.grad}")
