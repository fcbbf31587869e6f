import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from torch import nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# 与 GAN 示例相同的 8 个高斯团
angles = torch.arange(8) * 2 * math.pi / 8
centers = (2 * torch.stack([angles.cos(), angles.sin()], dim=1)).to(device)
STD = 0.1


def real_batch(n):
    return centers[torch.randint(0, 8, (n,), device=device)] + STD * torch.randn(
        n, 2, device=device
    )


def mode_report(samples):
    dist, nearest = torch.cdist(samples, centers).min(dim=1)
    good = dist < 3 * STD
    return int(
        (torch.bincount(nearest[good], minlength=8) >= 20).sum()
    ), good.double().mean().item()


T = 100
betas = torch.linspace(1e-4, 0.1, T, device=device)
alphas = 1 - betas
alpha_bars = torch.cumprod(alphas, dim=0)


# --8<-- [start:model]
class NoisePredictor(nn.Module):
    """输入带噪的点 x_t 和步数 t，输出对所加噪声的估计。"""

    def __init__(self, hidden=64):
        super().__init__()
        self.register_buffer("freqs", torch.exp(torch.linspace(0, math.log(100), 8)))
        self.net = nn.Sequential(
            nn.Linear(2 + 16, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, hidden), nn.ReLU(),
            nn.Linear(hidden, 2),
        )  # fmt: skip

    def forward(self, x, t):
        # 把步数编码成不同频率的正弦、余弦（和 Transformer 的位置编码同一个思路）
        phase = (t / T).unsqueeze(1) * self.freqs
        return self.net(torch.cat([x, phase.sin(), phase.cos()], dim=1))


# --8<-- [end:model]


model = NoisePredictor().to(device)
steps, B = 1500, 512
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, steps)

# --8<-- [start:train]
for _step in range(1, steps + 1):
    x0 = real_batch(B)
    t = torch.randint(0, T, (B,), device=device)  # 每个样本随机挑一个步数
    noise = torch.randn_like(x0)
    a = alpha_bars[t].unsqueeze(1)
    xt = a.sqrt() * x0 + (1 - a).sqrt() * noise  # 一步跳到第 t 步
    loss = ((model(xt, t) - noise) ** 2).mean()  # 预测加进去的噪声，均方误差
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    scheduler.step()
# --8<-- [end:train]


# --8<-- [start:sample]
@torch.no_grad()
def sample(n, generator, keep=()):
    x = torch.randn(n, 2, generator=generator).to(device)  # 从纯噪声出发
    trajectory = {T: x.cpu()}
    for t in reversed(range(T)):
        eps = model(x, torch.full((n,), t, device=device))
        # 减去预测的噪声得到均值，再按 beta_t 补一点新的噪声（最后一步不补）
        x = (x - betas[t] / (1 - alpha_bars[t]).sqrt() * eps) / alphas[t].sqrt()
        if t > 0:
            x = x + betas[t].sqrt() * torch.randn(n, 2, generator=generator).to(device)
        if t in keep:
            trajectory[t] = x.cpu()
    return x, trajectory


# --8<-- [end:sample]


samples, trajectory = sample(2000, torch.Generator().manual_seed(1), keep=(60, 30, 10, 0))
covered, quality = mode_report(samples)
print(f"训练 {steps} 步，最后一批的噪声预测损失 {loss.item():.2f}")
print(f"采样 2000 个点：覆盖模式 {covered}/8，高质量样本 {quality:.1%}")
covered, quality = mode_report(real_batch(2000))
print(f"真实数据：覆盖模式 {covered}/8，高质量样本 {quality:.1%}")

fig, axes = plt.subplots(1, 5, figsize=(13, 2.9), sharex=True, sharey=True)
for ax, (t, x) in zip(axes, trajectory.items(), strict=True):
    ax.scatter(x[:, 0], x[:, 1], s=2, alpha=0.5)
    ax.set(title=f"t = {t}", xlim=(-3.5, 3.5), ylim=(-3.5, 3.5), aspect="equal", xlabel="x1")
axes[0].set_ylabel("x2")
fig.savefig("ddpm_ring.png", dpi=90, bbox_inches="tight")
