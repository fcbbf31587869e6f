import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch

torch.set_default_dtype(torch.float64)
torch.manual_seed(0)

# --8<-- [start:schedule]
T = 100
betas = torch.linspace(1e-4, 0.1, T)  # 每一步加入的噪声方差，逐步变大
alphas = 1 - betas
alpha_bars = torch.cumprod(alphas, dim=0)  # abar_t = alpha_1 * ... * alpha_t


def q_sample(x0, t, noise):
    """一步跳到第 t 步：x_t = sqrt(abar_t) * x0 + sqrt(1 - abar_t) * noise。"""
    a = alpha_bars[t].view(-1, 1)
    return a.sqrt() * x0 + (1 - a).sqrt() * noise


# --8<-- [end:schedule]


angles = torch.randint(0, 8, (2000,)) * 2 * math.pi / 8
x0 = 2 * torch.stack([angles.cos(), angles.sin()], dim=1) + 0.1 * torch.randn(2000, 2)

print(" t    sqrt(abar)  sqrt(1-abar)  x_t 的标准差")
for t in [0, 9, 29, 59, 99]:
    xt = q_sample(x0, torch.full((2000,), t), torch.randn(2000, 2))
    print(
        f"{t + 1:3d}   {alpha_bars[t].sqrt():9.3f}   {(1 - alpha_bars[t]).sqrt():11.3f}"
        f"   {xt.std():10.2f}"
    )

# 一步跳和一步一步加噪，得到的是同一个分布：比较均值和方差
x = x0.clone()
for t in range(30):
    x = alphas[t].sqrt() * x + betas[t].sqrt() * torch.randn_like(x)
jump = q_sample(x0, torch.full((2000,), 29), torch.randn(2000, 2))
print(f"逐步加噪 30 次：均值 {x.mean():.2f}，标准差 {x.std():.2f}")
print(f"一步跳到第 30 步：均值 {jump.mean():.2f}，标准差 {jump.std():.2f}")

fig, axes = plt.subplots(1, 5, figsize=(13, 2.9), sharex=True, sharey=True)
for ax, t in zip(axes, [0, 9, 29, 59, 99], strict=True):
    xt = q_sample(x0, torch.full((2000,), t), torch.randn(2000, 2))
    ax.scatter(xt[:, 0], xt[:, 1], s=2, alpha=0.5)
    ax.set(title=f"t = {t + 1}", xlim=(-3.5, 3.5), ylim=(-3.5, 3.5), aspect="equal", xlabel="x1")
axes[0].set_ylabel("x2")
fig.savefig("ddpm_forward.png", dpi=90, bbox_inches="tight")
