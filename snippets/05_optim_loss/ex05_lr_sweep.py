"""习题 5：在同一个回归问题上给 SGD 和 Adam 各扫一遍学习率。"""

import torch
from torch import nn

torch.manual_seed(0)
# 特征尺度差别很大（1 和 10），这会让固定学习率的 SGD 左右为难
x = torch.randn(256, 2) * torch.tensor([1.0, 10.0])
y = x @ torch.tensor([[2.0], [-0.3]]) + 0.1 * torch.randn(256, 1)
loss_fn = nn.MSELoss()


def final_loss(cls, lr, steps=200):
    torch.manual_seed(1)
    model = nn.Linear(2, 1)
    optimizer = cls(model.parameters(), lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
    with torch.no_grad():
        return loss_fn(model(x), y).item()


lrs = [1e-4, 1e-3, 1e-2, 1e-1, 1.0]
print("学习率      " + "".join(f"{lr:>10.0e}" for lr in lrs))
for name, cls in [("SGD", torch.optim.SGD), ("Adam", torch.optim.Adam)]:
    row = "".join(f"{final_loss(cls, lr):>10.3g}" for lr in lrs)
    print(f"{name:<12}{row}")
print(f"噪声方差（能达到的最低损失）约为 {0.1**2:.2f}")
