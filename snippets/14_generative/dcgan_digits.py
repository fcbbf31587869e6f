import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from sklearn.datasets import load_digits
from torch import nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)  # 双精度：GAN 训练会放大微小差异，换台机器也要得到同样的结果
torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

digits = load_digits()
pixels = torch.tensor(digits.data / 16.0, dtype=torch.float64)  # 0～1
x_real = (pixels * 2 - 1).reshape(-1, 1, 8, 8).to(device)  # 缩放到 -1～1，与生成器的 tanh 对应

# 评判员：在真实数字上训练的小分类器，只用来给生成的图像打分
judge = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 10)).to(device)
opt = torch.optim.Adam(judge.parameters(), lr=1e-2)
targets = torch.tensor(digits.target).to(device)
for _ in range(100):
    loss = F.cross_entropy(judge(pixels.to(device)), targets)
    opt.zero_grad()
    loss.backward()
    opt.step()


@torch.no_grad()
def report(images):
    """像不像：到最近一张真实图像的平均像素距离；全不全：分类器认出了几种数字（每种至少 20 张）。"""
    flat = ((images + 1) / 2).reshape(len(images), 64)
    dist = torch.cdist(flat, pixels.to(device))
    if images is x_real:  # 真实图像要排除自己，找最近的另一张
        dist.fill_diagonal_(float("inf"))
    kinds = torch.bincount(judge(flat).argmax(dim=1), minlength=10)
    return dist.min(dim=1).values.mean().item(), int((kinds >= 20).sum())


# --8<-- [start:models]
Z = 16
G = nn.Sequential(  # 转置卷积一步步把 2×2 放大到 8×8
    nn.Linear(Z, 32 * 2 * 2),
    nn.Unflatten(1, (32, 2, 2)),
    nn.BatchNorm2d(32),
    nn.ReLU(),
    nn.ConvTranspose2d(32, 16, 4, stride=2, padding=1, bias=False),  # -> 16×4×4
    nn.BatchNorm2d(16),
    nn.ReLU(),
    nn.ConvTranspose2d(16, 1, 4, stride=2, padding=1),  # -> 1×8×8
    nn.Tanh(),
).to(device)
D = nn.Sequential(  # 步幅 2 的卷积代替池化做下采样，LeakyReLU 让负半轴也有梯度
    nn.Conv2d(1, 16, 4, stride=2, padding=1),  # -> 16×4×4
    nn.LeakyReLU(0.2),
    nn.Conv2d(16, 32, 4, stride=2, padding=1, bias=False),  # -> 32×2×2
    nn.BatchNorm2d(32),
    nn.LeakyReLU(0.2),
    nn.Flatten(),
    nn.Linear(32 * 2 * 2, 1),
).to(device)
opt_g = torch.optim.Adam(G.parameters(), lr=3e-3, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(D.parameters(), lr=3e-3, betas=(0.5, 0.999))
# --8<-- [end:models]
bce = nn.BCEWithLogitsLoss()
z_eval = torch.randn(1000, Z, generator=torch.Generator().manual_seed(1)).to(device)

nn_dist, kinds = report(x_real)
print(f"真实图像：最近邻距离 {nn_dist:.2f}，{kinds} 种数字")
G.eval()
nn_dist, kinds = report(G(z_eval))
print(f"训练前的生成器：最近邻距离 {nn_dist:.2f}，{kinds} 种数字")

B = 64
for _epoch in range(5):
    G.train()
    for idx in torch.randperm(len(x_real)).split(B):
        real = x_real[idx]
        n = len(real)
        fake = G(torch.randn(n, Z, device=device))
        loss_d = bce(D(real), torch.ones(n, 1, device=device)) + bce(
            D(fake.detach()), torch.zeros(n, 1, device=device)
        )
        opt_d.zero_grad()
        loss_d.backward()
        opt_d.step()
        loss_g = bce(D(fake), torch.ones(n, 1, device=device))
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()

G.eval()  # BatchNorm 改用滑动统计量，生成结果不受批次里其他样本影响
nn_dist, kinds = report(G(z_eval))
print(f"训练 5 轮后：最近邻距离 {nn_dist:.2f}，{kinds} 种数字")

with torch.no_grad():
    samples = G(z_eval[:64]).cpu()
grid = F.pad(samples.reshape(8, 8, 8, 8), (0, 1, 0, 1), value=-1)
fig, ax = plt.subplots(figsize=(4, 4))
ax.imshow(grid.permute(0, 2, 1, 3).reshape(72, 72), cmap="gray_r", vmin=-1, vmax=1)
ax.set(title="DCGAN samples after 5 epochs")
ax.axis("off")
fig.savefig("dcgan_digits.png", dpi=100, bbox_inches="tight")
