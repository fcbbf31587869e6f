import math

import torch

torch.set_default_dtype(torch.float64)

T = 1000  # DDPM 论文的步数
# 线性调度：beta 从 1e-4 线性增加到 0.02（DDPM 论文的设置）
linear_abar = torch.cumprod(1 - torch.linspace(1e-4, 0.02, T), dim=0)

# 余弦调度（Nichol & Dhariwal 2021）：直接规定 abar_t 的形状，s 防止开头的 beta 过小
s = 0.008
steps = torch.arange(T + 1) / T
f = torch.cos((steps + s) / (1 + s) * math.pi / 2) ** 2
cosine_abar = (f / f[0])[1:]
betas = (1 - cosine_abar / torch.cat([torch.ones(1), cosine_abar[:-1]])).clamp(max=0.999)
print(
    f"余弦调度的 beta：第 1 步 {betas[0]:.1e}，第 500 步 {betas[499]:.1e}，第 1000 步 {betas[-1]:.3f}"
)

print("   t   线性 sqrt(abar)  余弦 sqrt(abar)")
for t in [100, 250, 500, 750, 1000]:
    print(f"{t:4d}   {linear_abar[t - 1].sqrt():14.3f}   {cosine_abar[t - 1].sqrt():14.3f}")

# 几乎只剩噪声（sqrt(abar) < 0.1）的步：训练和采样都在这些步上花了力气，却几乎学不到东西
for name, abar in [("线性", linear_abar), ("余弦", cosine_abar)]:
    noisy = int((abar.sqrt() < 0.1).sum())
    half = int((abar.sqrt() < 0.5).nonzero()[0]) + 1
    print(f"{name}调度：第 {half} 步起信号不到一半，{noisy} 步（{noisy / T:.0%}）几乎只剩噪声")
