"""reduction='none' / 'mean' / 'sum'，以及用 'none' 做逐样本加权与掩码。"""

import torch
from torch import nn

torch.set_printoptions(precision=4, sci_mode=False)

pred = torch.tensor([1.0, 2.0, 3.0, 4.0])
target = torch.tensor([1.5, 2.0, 2.0, 6.0])
for reduction in ["none", "mean", "sum"]:
    print(f"reduction={reduction!r:7}", nn.MSELoss(reduction=reduction)(pred, target))

# 'none' 给出每个元素的损失，之后想怎么汇总都行：
per_elem = nn.MSELoss(reduction="none")(pred, target)
mask = torch.tensor([1.0, 1.0, 1.0, 0.0])  # 例如最后一个是补齐出来的无效位置
print(f"只对有效位置求平均：{(per_elem * mask).sum() / mask.sum():.4f}")
sample_w = torch.tensor([1.0, 1.0, 2.0, 0.5])  # 逐样本权重
print(f"逐样本加权平均：{(per_elem * sample_w).sum() / sample_w.sum():.4f}")

# 'sum' 的梯度随批次大小线性增长，'mean' 不会；换批次大小时要注意学习率
torch.manual_seed(0)
w = torch.ones(1, requires_grad=True)
for batch in [8, 64]:
    x = torch.randn(batch, 1)
    for reduction in ["mean", "sum"]:
        w.grad = None
        nn.MSELoss(reduction=reduction)(w * x, 2 * x).backward()
        print(f"批次 {batch:2d}  reduction={reduction!r:6}  梯度 {w.grad.item():8.3f}")
