# 输出容差：units=2 ints
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
CLASSES = ["good", "scratch", "spot", "dent"]
S = 32


def make_surfaces(counts, seed):
    """拉丝金属表面：counts[k] 张第 k 类（0 良品、1 划痕、2 斑点、3 凹坑）。"""
    g = torch.Generator().manual_seed(seed)
    labels = torch.cat([torch.full((c,), k) for k, c in enumerate(counts)])
    n = len(labels)
    # 每行一个随机亮度（拉丝纹理）+ 细小的像素噪声
    x = (
        0.5
        + 0.05 * torch.randn(n, 1, S, 1, generator=g)
        + 0.05 * torch.randn(n, 1, S, S, generator=g)
    )
    ys, xs = torch.meshgrid(torch.arange(S * 1.0), torch.arange(S * 1.0), indexing="ij")
    cx, cy = (torch.rand(2, n, generator=g) * (S - 12) + 6).view(2, n, 1, 1)
    angle = torch.rand(n, 1, 1, generator=g) * torch.pi
    along = (xs - cx) * torch.cos(angle) + (ys - cy) * torch.sin(angle)
    across = -(xs - cx) * torch.sin(angle) + (ys - cy) * torch.cos(angle)
    scratch = 0.2 * ((across.abs() < 0.6) & (along.abs() < 10)).float()  # 细亮线
    dist2 = (xs - cx) ** 2 + (ys - cy) ** 2
    spot = -0.2 * (dist2 < (torch.rand(n, 1, 1, generator=g) * 2 + 2) ** 2).float()  # 小暗点
    sigma = torch.rand(n, 1, 1, generator=g) * 1.5 + 2.5
    dent = 0.3 * (xs - cx) / sigma * torch.exp(-dist2 / (2 * sigma**2))  # 左暗右亮的起伏
    defect = torch.stack([torch.zeros_like(spot), scratch, spot, dent])[labels, torch.arange(n)]
    return (x + defect.unsqueeze(1)).clamp(0, 1), labels, defect.abs() > 0.05


# --8<-- [start:autoencoder]
# 只用良品训练的卷积自编码器：32×32 压到 32×4×4 再还原。
# 瓶颈很窄，它只学得会良品纹理的规律，没见过的缺陷还原不出来。
model = nn.Sequential(
    nn.Conv2d(1, 16, 3, 2, 1), nn.ReLU(),  # -> 16x16x16
    nn.Conv2d(16, 32, 3, 2, 1), nn.ReLU(),  # -> 32x8x8
    nn.Conv2d(32, 32, 3, 2, 1), nn.ReLU(),  # -> 32x4x4
    nn.ConvTranspose2d(32, 32, 2, 2), nn.ReLU(),  # -> 32x8x8
    nn.ConvTranspose2d(32, 16, 2, 2), nn.ReLU(),  # -> 16x16x16
    nn.ConvTranspose2d(16, 1, 2, 2),  # -> 1x32x32
).to(device)  # fmt: skip


def anomaly_maps(x):
    """逐像素的重建误差，再做 5×5 平均，让孤立的噪声点不至于盖过成片的缺陷。"""
    model.eval()
    with torch.inference_mode():
        err = (model(x.to(device)).cpu() - x) ** 2
    return F.avg_pool2d(err, 5, stride=1, padding=2)


def score(maps):
    return maps.amax(dim=(1, 2, 3))  # 一张图的异常分数：热力图的最大值


# --8<-- [end:autoencoder]


train_x, _, _ = make_surfaces([600, 0, 0, 0], seed=1)  # 训练：只有良品
val_x, _, _ = make_surfaces([200, 0, 0, 0], seed=3)  # 验证：只有良品，用来定阈值
test_x, test_y, test_mask = make_surfaces([300, 40, 40, 40], seed=2)

optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
g = torch.Generator().manual_seed(0)
for epoch in range(1, 21):
    model.train()
    for idx in torch.randperm(len(train_x), generator=g).split(32):
        x = train_x[idx].to(device)
        loss = F.mse_loss(model(x), x)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    if epoch % 10 == 0:
        print(f"轮次 {epoch}：重建误差 {loss.item():.4f}")


# --8<-- [start:evaluate]
def roc_auc_score(labels, scores):
    """AUROC：随机取一个正样本和一个负样本，正样本分数更高的概率（分数相同算一半）。

    用秩来算，不必真的两两比较：把所有分数从小到大排名（并列取平均名次），
    正样本的名次和减去它们彼此之间的名次和，剩下的就是“正样本胜过负样本”的次数。
    """
    labels, scores = labels.flatten().bool(), scores.flatten()
    _, inverse, counts = torch.unique(scores, return_inverse=True, return_counts=True)
    ranks = (counts.cumsum(0) - (counts - 1) / 2).double()[inverse]  # 从 1 开始的平均名次
    n_pos = int(labels.sum())
    n_neg = len(labels) - n_pos
    return float((ranks[labels].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


test_maps = anomaly_maps(test_x)
test_scores = score(test_maps)
is_defect = (test_y > 0).int()
print(f"图像级 AUROC：{roc_auc_score(is_defect, test_scores):.3f}")
for k in range(1, 4):
    keep = (test_y == 0) | (test_y == k)
    print(f"    只看 {CLASSES[k]}：AUROC {roc_auc_score(is_defect[keep], test_scores[keep]):.3f}")

# 阈值：让良品验证集上的误报率约为 2%（取良品分数的 98% 分位数）
val_scores = score(anomaly_maps(val_x))
threshold = torch.quantile(val_scores, 0.98)
flagged = test_scores > threshold
print(f"阈值（良品验证集的 98% 分位数）：{threshold:.4f}")
print(f"测试集良品误报：{int(flagged[test_y == 0].sum())}/{int((test_y == 0).sum())}")
for k in range(1, 4):
    print(f"    {CLASSES[k]} 检出：{int(flagged[test_y == k].sum())}/{int((test_y == k).sum())}")
pixel_auc = roc_auc_score(test_mask[test_y > 0].flatten(), test_maps[test_y > 0].flatten())
print(f"像素级 AUROC（缺陷图内，热力图能否圈出缺陷位置）：{pixel_auc:.3f}")
# --8<-- [end:evaluate]

fig, axes = plt.subplots(3, 4, figsize=(7, 5.4))
for j, k in enumerate(range(4)):
    i = int((test_y == k).nonzero()[0])
    axes[0, j].imshow(test_x[i, 0], cmap="gray", vmin=0, vmax=1)
    axes[0, j].set_title(CLASSES[k])
    axes[1, j].imshow(test_maps[i, 0], cmap="inferno", vmin=0, vmax=float(threshold))
    axes[2, j].imshow(test_x[i, 0], cmap="gray", vmin=0, vmax=1)
    axes[2, j].contour(test_maps[i, 0] > threshold, levels=[0.5], colors="cyan")
for ax, name in zip(axes[:, 0], ["image", "error map", "> threshold"], strict=True):
    ax.set_ylabel(name)
for ax in axes.flat:
    ax.set_xticks([])
    ax.set_yticks([])
fig.tight_layout()
fig.savefig("anomaly_heatmap.png", dpi=100)
