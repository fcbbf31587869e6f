"""在同一个问题（Rosenbrock 函数）上比较几种优化器。"""

import matplotlib.pyplot as plt
import torch


def rosenbrock(p):
    # 经典的“香蕉形山谷”：最小值在 (1, 1)，函数值为 0
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


# 每种优化器用各自比较合适的学习率：同一个学习率对不同算法意义不同
configs = {
    "SGD": (torch.optim.SGD, {"lr": 1e-3}),
    "SGD+momentum": (torch.optim.SGD, {"lr": 1e-3, "momentum": 0.9}),
    "SGD+Nesterov": (torch.optim.SGD, {"lr": 1e-3, "momentum": 0.9, "nesterov": True}),
    "RMSprop": (torch.optim.RMSprop, {"lr": 1e-2}),
    "Adam": (torch.optim.Adam, {"lr": 5e-2}),
    "AdamW": (torch.optim.AdamW, {"lr": 5e-2, "weight_decay": 0.01}),
}
steps = 1000
start = [-1.5, 2.0]

histories = {}
print(f"起点 {start}，每种优化器 {steps} 步")
print("优化器" + " " * 12 + "最终损失    最终位置")
for name, (cls, kwargs) in configs.items():
    p = torch.tensor(start, requires_grad=True)
    optimizer = cls([p], **kwargs)
    path, losses = [p.detach().clone()], []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = rosenbrock(p)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        path.append(p.detach().clone())
    histories[name] = (torch.stack(path), losses)
    final = rosenbrock(p).item()
    print(f"{name:<14}{final:>12.2e}    ({p[0].item():.3f}, {p[1].item():.3f})")

# 左图：在等高线上画轨迹；右图：损失曲线（对数坐标）
fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
gx, gy = torch.meshgrid(torch.linspace(-2, 2, 200), torch.linspace(-1, 3, 200), indexing="xy")
gz = rosenbrock(torch.stack([gx, gy]))
axes[0].contour(gx, gy, torch.log10(gz + 1e-3), levels=20, cmap="gray", alpha=0.5)
for name, (path, losses) in histories.items():
    axes[0].plot(path[:, 0], path[:, 1], label=name, linewidth=1.2)
    axes[1].semilogy(losses, label=name)
axes[0].plot(1, 1, "r*", markersize=12)
axes[0].set_title("trajectories on Rosenbrock (star = minimum)")
axes[0].set_xlabel("x")
axes[0].set_ylabel("y")
axes[1].set_title("loss (log scale)")
axes[1].set_xlabel("step")
for ax in axes:
    ax.legend(fontsize=8)
    ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig("optimizer_compare.png", dpi=100)
print("已保存 optimizer_compare.png")
