import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

x_all = torch.tensor(load_digits().data / 16.0)
perm = torch.randperm(len(x_all), generator=torch.Generator().manual_seed(0))
x_train, x_test = x_all[perm[:1500]].to(device), x_all[perm[1500:]].to(device)


class VAE(nn.Module):
    def __init__(self, latent_dim=8, hidden=128):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Linear(64, hidden), nn.ReLU(), nn.Linear(hidden, 2 * latent_dim)
        )
        self.decoder = nn.Sequential(
            nn.Linear(latent_dim, hidden), nn.ReLU(), nn.Linear(hidden, 64)
        )

    def forward(self, x):
        mu, logvar = self.encoder(x).chunk(2, dim=1)  # 一个线性层同时输出均值和对数方差
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu)
        return self.decoder(z), mu, logvar


def losses(model, x):
    logits, mu, logvar = model(x)
    recon = F.binary_cross_entropy_with_logits(logits, x, reduction="sum") / len(x)
    kl = -0.5 * torch.sum(1 + logvar - mu**2 - logvar.exp()) / len(x)
    active = int((mu.var(dim=0) > 0.01).sum())  # 编码均值随输入变化的维度才真正在传递信息
    return recon, kl, active


for beta in [0.2, 1.0, 4.0]:
    torch.manual_seed(0)
    model = VAE().to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    for _epoch in range(15):
        for idx in torch.randperm(len(x_train)).split(100):
            recon, kl, _ = losses(model, x_train[idx])
            loss = recon + beta * kl  # beta = 1 就是 -ELBO
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        recon, kl, active = losses(model, x_test)
    print(
        f"beta = {beta}：重建 {recon:.1f}，KL {kl:.1f}，-ELBO {recon + kl:.1f}，有效潜在维度 {active}/8"
    )
