"""CrossEntropyLoss 的三个常用选项：label_smoothing、weight、ignore_index。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_printoptions(precision=4, sci_mode=False)

logits = torch.randn(5, 3)
target = torch.tensor([0, 2, 1, 2, 2])
log_p = F.log_softmax(logits, dim=1)
nll_each = -log_p[torch.arange(5), target]  # 每个样本的 -log p[正确类]

# 1) label_smoothing=eps：目标分布变成 (1-eps)·独热向量 + eps/C 的均匀分布
eps = 0.1
smoothed = nn.CrossEntropyLoss(label_smoothing=eps)(logits, target)
manual = ((1 - eps) * nll_each + eps * (-log_p).mean(dim=1)).mean()
print(f"label_smoothing=0.1: {smoothed.item():.4f}  手算：{manual.item():.4f}")

# 2) weight：给每个类别一个权重（常用于类别不平衡）；
#    reduction='mean' 时除以的是“权重之和”，不是样本数
w = torch.tensor([1.0, 2.0, 0.5])
weighted = nn.CrossEntropyLoss(weight=w)(logits, target)
manual_w = (w[target] * nll_each).sum() / w[target].sum()
print(f"weight=[1, 2, 0.5]:  {weighted.item():.4f}  手算：{manual_w.item():.4f}")
print(f"  （若错误地除以样本数：{(w[target] * nll_each).sum().item() / 5:.4f}）")

# 3) ignore_index：目标等于它的位置不参与损失，也不参与求平均（默认 -100）
#    常见用法：序列补齐（padding）的位置、分割里“不关心”的像素
padded = torch.tensor([0, 2, -100, 2, -100])
ignored = nn.CrossEntropyLoss()(logits, padded)
keep = padded != -100
print(f"ignore_index=-100:   {ignored.item():.4f}  手算：{nll_each[keep].mean().item():.4f}")

# 被忽略的样本得到的梯度恰好是 0
logits_req = logits.clone().requires_grad_()
nn.CrossEntropyLoss()(logits_req, padded).backward()
print(f"被忽略样本的梯度：{logits_req.grad[~keep]}")
