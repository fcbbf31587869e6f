import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn

torch.set_num_threads(1)  # 小模型单线程更快，结果也更稳定
torch.set_default_dtype(torch.float64)  # 双精度：换一台机器，最后几位也一致
torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# scikit-learn 自带的 8×8 手写数字，安装包里就有，不用下载；像素 0～16 缩放到 0～1
digits = load_digits()
x_all = torch.tensor(digits.data / 16.0)
labels = torch.tensor(digits.target)
perm = torch.randperm(len(x_all))
train_idx, test_idx = perm[:1500], perm[1500:]
x_train, x_test = x_all[train_idx].to(device), x_all[test_idx].to(device)
print(f"训练图像 {len(x_train)} 张，测试图像 {len(x_test)} 张，每张 {x_train.shape[1]} 个像素")


# --8<-- [start:model]
class VAE(nn.Module):
    def __init__(self, latent_dim=2, hidden=128):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(64, hidden), nn.ReLU())
        self.to_mu = nn.Linear(hidden, latent_dim)  # 编码器输出分布的均值
        self.to_logvar = nn.Linear(hidden, latent_dim)  # 和对数方差（可正可负，数值稳定）
        self.decoder = nn.Sequential(
            nn.Linear(latent_dim, hidden), nn.ReLU(), nn.Linear(hidden, 64)
        )  # 输出每个像素的 logits

    def forward(self, x):
        h = self.encoder(x)
        mu, logvar = self.to_mu(h), self.to_logvar(h)
        # 重参数化：z = mu + sigma * eps，随机性全在 eps 里，梯度能流回 mu 和 logvar
        eps = torch.randn_like(mu)
        z = mu + torch.exp(0.5 * logvar) * eps
        return self.decoder(z), mu, logvar


def neg_elbo(x, logits, mu, logvar):
    """返回每张图平均的 (-ELBO, 重建项, KL 项)，单位是 nat。"""
    recon = F.binary_cross_entropy_with_logits(logits, x, reduction="sum") / len(x)
    # 两个对角高斯之间 KL(q(z|x) || N(0, I)) 的解析式
    kl = -0.5 * torch.sum(1 + logvar - mu**2 - logvar.exp()) / len(x)
    return recon + kl, recon, kl


# --8<-- [end:model]


model = VAE().to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)

# --8<-- [start:train]
for epoch in range(1, 41):
    model.train()
    for idx in torch.randperm(len(x_train)).split(100):
        x = x_train[idx]
        loss, recon, kl = neg_elbo(x, *model(x))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    if epoch in (1, 10, 20, 40):
        model.eval()
        with torch.no_grad():
            loss, recon, kl = neg_elbo(x_test, *model(x_test))
        print(f"轮次 {epoch:2d}：测试集 -ELBO {loss:.1f} = 重建 {recon:.1f} + KL {kl:.2f}")
# --8<-- [end:train]

with torch.no_grad():
    mu_test = model.to_mu(model.encoder(x_test)).cpu()
    # 从先验 N(0, I) 采样，经解码器得到新图像：这才是生成
    z = torch.randn(64, 2, generator=torch.Generator().manual_seed(1)).to(device)
    samples = torch.sigmoid(model.decoder(z)).cpu()
    # 在潜在空间里按网格取点解码，看每个区域对应什么数字
    grid = torch.linspace(-2, 2, 10)
    zz = torch.stack(torch.meshgrid(grid, -grid, indexing="xy"), -1).reshape(-1, 2)
    manifold = torch.sigmoid(model.decoder(zz.to(device))).cpu()
    z500 = torch.randn(500, 2, generator=torch.Generator().manual_seed(1)).to(device)
    spread = torch.pdist(torch.sigmoid(model.decoder(z500))).mean()
print(f"解码 N(0, I) 样本的多样性：{spread:.2f}（真实图像 {torch.pdist(x_test).mean():.2f}）")
print(
    f"测试图像的编码：均值离原点 {mu_test.mean(0).norm():.2f}，每维标准差 {mu_test.std(0).numpy().round(2)}"
)


def tile(images, n):
    """把 n*n 张 8×8 图拼成一张大图，每张右边和下边留 1 像素白边。"""
    padded = F.pad(images.reshape(n, n, 8, 8), (0, 1, 0, 1))
    return padded.permute(0, 2, 1, 3).reshape(9 * n, 9 * n)


fig, axes = plt.subplots(1, 2, figsize=(9, 4.2))
sc = axes[0].scatter(mu_test[:, 0], mu_test[:, 1], c=labels[test_idx], cmap="tab10", s=12)
axes[0].legend(*sc.legend_elements(), title="digit", fontsize=7, loc="upper right", ncol=2)
axes[0].set(xlabel="z1", ylabel="z2", title="test images in latent space (mu)")
axes[1].imshow(tile(manifold, 10), cmap="gray_r", extent=(-2.2, 2.2, -2.2, 2.2))
axes[1].set(xlabel="z1", ylabel="z2", title="decoder output on a latent grid")
fig.tight_layout()
fig.savefig("vae_latent.png", dpi=100)

fig, ax = plt.subplots(figsize=(4, 4))
ax.imshow(tile(samples, 8), cmap="gray_r")
ax.set(title="VAE samples, z ~ N(0, I)")
ax.axis("off")
fig.savefig("vae_samples.png", dpi=100, bbox_inches="tight")
