"""学习率范围测试：让学习率按指数从很小涨到很大，看损失在哪一段下降最快。"""

import copy
import math

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
# 三类二维点，用一个小 MLP 分类
centers = torch.tensor([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])
x = torch.cat([c + torch.randn(300, 2) for c in centers])
y = torch.arange(3).repeat_interleave(300)
loader = DataLoader(TensorDataset(x, y), batch_size=30, shuffle=True)
model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 3))
loss_fn = nn.CrossEntropyLoss()

lr_min, lr_max, num_steps = 1e-4, 10.0, 90
initial_state = copy.deepcopy(model.state_dict())  # 测试会改动权重，结束后要还原
optimizer = torch.optim.SGD(model.parameters(), lr=lr_min, momentum=0.9)
# 每步把学习率乘以同一个倍数，num_steps 步后从 lr_min 涨到 lr_max
gamma = (lr_max / lr_min) ** (1 / num_steps)
scheduler = torch.optim.lr_scheduler.ExponentialLR(optimizer, gamma=gamma)

lrs, losses = [], []
smoothed, best = 0.0, math.inf
step = 0
while step < num_steps:
    for xb, yb in loader:
        lr = optimizer.param_groups[0]["lr"]
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        # 单个批次的损失噪声很大，用指数滑动平均（带偏差修正）平滑一下
        step += 1
        smoothed = 0.9 * smoothed + 0.1 * loss.item()
        value = smoothed / (1 - 0.9**step)
        lrs.append(lr)
        losses.append(value)
        best = min(best, value)
        if value > 4 * best or step == num_steps:  # 损失明显爆炸就提前结束
            break
    if value > 4 * best:
        break

model.load_state_dict(initial_state)  # 还原初始权重，真正的训练从这里开始

best_i = min(range(len(losses)), key=losses.__getitem__)
print(f"共试了 {len(lrs)} 个学习率，从 {lrs[0]:.0e} 到 {lrs[-1]:.1f}（损失在这里爆炸，提前结束）")
print(f"平滑损失最低处的学习率约为 {lrs[best_i]:.1g}")

print(f"建议的学习率（最低处的 1/10）约为 {lrs[best_i] / 10:.1g}")

fig, ax = plt.subplots(figsize=(6, 3.5))
ax.plot(lrs, losses)
ax.axvline(lrs[best_i], color="gray", linestyle="--", label="lowest smoothed loss")
ax.axvline(lrs[best_i] / 10, color="tab:green", linestyle=":", label="suggested lr (1/10)")
ax.set_xscale("log")
ax.set_xlabel("learning rate (log scale)")
ax.set_ylabel("smoothed training loss")
ax.legend()
ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig("lr_range_test.png", dpi=100)
