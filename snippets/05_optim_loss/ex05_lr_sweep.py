"""习题 5：在同一个回归问题上给 SGD 和 Adam 各扫一遍学习率。"""

import torch
from torch import nn

torch.manual_seed(0)
# 特征尺度差别很大（1 和 10），这会让固定学习率的 SGD 左右为难
x = torch.randn(256, 2) * torch.tensor([1.0, 10.0])
y = x @ torch.tensor([[2.0], [-0.3]]) + 0.1 * torch.randn(256, 1)
loss_fn = nn.MSELoss()

# MSE 对 (w1, w2, b) 的黑塞矩阵是 2/N · XᵀX（X 末尾补一列 1 对应偏置），与参数无关
x_aug = torch.cat([x, torch.ones(256, 1)], dim=1)
hessian = 2 * x_aug.T @ x_aug / len(x)
eigvals = torch.linalg.eigvalsh(hessian)  # 从小到大
print(f"黑塞矩阵特征值：{eigvals[0]:.2f} … {eigvals[-1]:.0f}")
print(f"SGD 稳定的条件：lr < 2 / {eigvals[-1]:.0f} ≈ {2 / eigvals[-1]:.4f}")


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


# 在发散边界附近把网格加密：十倍一档的网格会漏掉 SGD 真正的最佳学习率
lrs = [1e-4, 1e-3, 3e-3, 5e-3, 8e-3, 1e-2, 1e-1, 1.0]
print("学习率  " + "".join(f"{lr:>8.0e}" for lr in lrs))
for name, cls in [("SGD", torch.optim.SGD), ("Adam", torch.optim.Adam)]:
    row = "".join(f"{final_loss(cls, lr):>8.2g}" for lr in lrs)
    print(f"{name:<8}{row}")
print(f"噪声方差（能达到的最低损失）约为 {0.1**2:.2f}")
