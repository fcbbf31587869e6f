"""回归损失：MSE、L1、SmoothL1 / Huber，以及它们对离群点的不同反应。"""

import matplotlib.pyplot as plt
import torch
from torch import nn

pred = torch.tensor([2.5, 0.0, 2.0, 8.0])
target = torch.tensor([3.0, -0.5, 2.0, 7.0])
outlier = target.clone()
outlier[3] = 27.0  # 把最后一个目标改成离群点：误差从 1 变成 19

losses = {
    "MSELoss": nn.MSELoss(),
    "L1Loss": nn.L1Loss(),
    "SmoothL1Loss(beta=1)": nn.SmoothL1Loss(beta=1.0),
    "HuberLoss(delta=1)": nn.HuberLoss(delta=1.0),
}
print("损失" + " " * 22 + "正常数据" + " " * 6 + "有离群点")
for name, fn in losses.items():
    print(f"{name:<24}{fn(pred, target).item():>10.4f}{fn(pred, outlier).item():>14.4f}")

# Huber(delta) 与 SmoothL1(beta=delta) 只差一个倍数 delta
delta = 2.0
huber = nn.HuberLoss(delta=delta)(pred, outlier)
smooth = nn.SmoothL1Loss(beta=delta)(pred, outlier)
print(f"Huber(delta=2) = {huber.item():.4f}，2 × SmoothL1(beta=2) = {delta * smooth.item():.4f}")

# 画出单个样本的损失与梯度随误差变化的曲线
err = torch.linspace(-3, 3, 301, requires_grad=True)
zero = torch.zeros_like(err)
curves = {
    "MSE": nn.MSELoss(reduction="none"),
    "L1": nn.L1Loss(reduction="none"),
    "Huber (delta=1)": nn.HuberLoss(reduction="none", delta=1.0),
}
fig, axes = plt.subplots(1, 2, figsize=(10, 4))
for name, fn in curves.items():
    value = fn(err, zero)
    (grad,) = torch.autograd.grad(value.sum(), err)
    axes[0].plot(err.detach(), value.detach(), label=name)
    axes[1].plot(err.detach(), grad, label=name)
axes[0].set_title("loss vs error (pred - target)")
axes[1].set_title("gradient vs error")
for ax in axes:
    ax.set_xlabel("pred - target")
    ax.legend()
    ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig("regression_losses.png", dpi=100)
print("已保存 regression_losses.png")
