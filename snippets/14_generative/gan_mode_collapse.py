import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from torch import nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)  # GAN 对微小差异很敏感，双精度让各台机器结果一致
torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# 真实分布：半径 2 的圆上 8 个高斯团（8 个模式），每团标准差 0.1
angles = torch.arange(8) * 2 * math.pi / 8
centers = (2 * torch.stack([angles.cos(), angles.sin()], dim=1)).to(device)
STD = 0.1


def real_batch(n):
    return centers[torch.randint(0, 8, (n,), device=device)] + STD * torch.randn(
        n, 2, device=device
    )


def mode_report(samples):
    """离某个中心不到 3 个标准差的样本算高质量；一个模式分到至少 20 个高质量样本才算被覆盖。"""
    dist, nearest = torch.cdist(samples, centers).min(dim=1)
    good = dist < 3 * STD
    counts = torch.bincount(nearest[good], minlength=8)
    return int((counts >= 20).sum()), good.double().mean().item()


Z, H = 2, 64
G = nn.Sequential(nn.Linear(Z, H), nn.ReLU(), nn.Linear(H, H), nn.ReLU(), nn.Linear(H, 2)).to(
    device
)
D = nn.Sequential(
    nn.Linear(2, H), nn.LeakyReLU(0.2), nn.Linear(H, H), nn.LeakyReLU(0.2), nn.Linear(H, 1)
).to(device)
opt_g = torch.optim.Adam(G.parameters(), lr=5e-3, betas=(0.5, 0.999))  # 生成器学习率是判别器的 5 倍
opt_d = torch.optim.Adam(D.parameters(), lr=1e-3, betas=(0.5, 0.999))
bce = nn.BCEWithLogitsLoss()

B = 256
ones, zeros = torch.ones(B, 1, device=device), torch.zeros(B, 1, device=device)
z_eval = torch.randn(2000, Z, generator=torch.Generator().manual_seed(1)).to(device)
covered, quality = mode_report(real_batch(2000))
print(f"真实数据：覆盖模式 {covered}/8，高质量样本 {quality:.1%}")
snapshots = {}
for step in range(1, 1001):
    # 判别器一步：真样本判 1，假样本判 0；detach() 让这一步的梯度不流进生成器
    fake = G(torch.randn(B, Z, device=device))
    loss_d = bce(D(real_batch(B)), ones) + bce(D(fake.detach()), zeros)
    opt_d.zero_grad()
    loss_d.backward()
    opt_d.step()
    # 生成器一步：非饱和损失，希望判别器把假样本判成 1
    loss_g = bce(D(fake), ones)
    opt_g.zero_grad()
    loss_g.backward()
    opt_g.step()
    if step % 250 == 0:
        with torch.no_grad():
            samples = G(z_eval)
        covered, quality = mode_report(samples)
        nearest = torch.cdist(samples, centers).argmin(dim=1)
        top = torch.bincount(nearest, minlength=8).argmax().item()
        share = (nearest == top).double().mean().item()
        print(
            f"步数 {step:4d}：覆盖模式 {covered}/8，高质量样本 {quality:.1%}，"
            f"{share:.0%} 的样本挤在模式 {top} 附近"
        )
        snapshots[step] = samples.cpu()

real = real_batch(2000).cpu()
fig, axes = plt.subplots(1, 4, figsize=(12, 3.2), sharex=True, sharey=True)
for ax, (step, samples) in zip(axes, snapshots.items(), strict=True):
    ax.scatter(real[:, 0], real[:, 1], s=2, c="lightgray", label="real")
    ax.scatter(samples[:, 0], samples[:, 1], s=2, c="tab:blue", alpha=0.5, label="generated")
    ax.set(title=f"step {step}", xlim=(-3, 3), ylim=(-3, 3), aspect="equal", xlabel="x1")
axes[0].set_ylabel("x2")
axes[0].legend(loc="lower left", markerscale=4, fontsize=8)
fig.tight_layout()
fig.savefig("gan_mode_collapse.png", dpi=90, bbox_inches="tight")
