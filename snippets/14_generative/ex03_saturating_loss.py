import math

import torch
import torch.nn.functional as F
from torch import nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
torch.manual_seed(0)

angles = torch.arange(8) * 2 * math.pi / 8
centers = 2 * torch.stack([angles.cos(), angles.sin()], dim=1)


def real_batch(n):
    return centers[torch.randint(0, 8, (n,))] + 0.1 * torch.randn(n, 2)


def make_generator():
    torch.manual_seed(1)
    G = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 2))
    with torch.no_grad():
        G[-1].bias.fill_(4.0)  # 训练初期的典型处境：生成的点离真实数据很远
    return G


# 判别器先练 300 步，把远处的假样本和真样本分得干干净净
G = make_generator()
D = nn.Sequential(nn.Linear(2, 64), nn.LeakyReLU(0.2), nn.Linear(64, 1))
opt_d = torch.optim.Adam(D.parameters(), lr=1e-2)
for _ in range(300):
    with torch.no_grad():
        fake = G(torch.randn(256, 2))
    loss_d = F.softplus(-D(real_batch(256))).mean() + F.softplus(D(fake)).mean()
    opt_d.zero_grad()
    loss_d.backward()
    opt_d.step()
D.requires_grad_(False)  # 下面只训练生成器，判别器固定

z = torch.randn(1000, 2, generator=torch.Generator().manual_seed(2))
print(f"判别器练好后：D(G(z)) 平均 {torch.sigmoid(D(G(z))).mean():.1e}")

losses = {
    "极小极大 log(1-D)": lambda a: torch.log1p(-torch.sigmoid(a)).mean(),
    "非饱和 -log D": lambda a: F.softplus(-a).mean(),
}
for name, loss_fn in losses.items():
    G = make_generator()
    opt_g = torch.optim.SGD(G.parameters(), lr=0.05)  # 普通 SGD：步子大小正比于梯度
    start = G(z).mean(dim=0)
    for step in range(100):
        loss = loss_fn(D(G(z)))
        opt_g.zero_grad()
        loss.backward()
        if step == 0:
            grad_norm = torch.cat([p.grad.flatten() for p in G.parameters()]).norm()
        opt_g.step()
    moved = (G(z).mean(dim=0) - start).norm()
    print(f"{name}：初始梯度范数 {grad_norm:.1e}，100 步后样本中心移动了 {moved:.2f}")
