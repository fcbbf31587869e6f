import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
if device.type == "mps":  # MPS 不支持 float64，退回 CPU
    device = torch.device("cpu")
# 用 float64：训练会把 CPU 内核之间极小的舍入差异一轮轮放大，float32 下换一种 CPU 设置，
# 训练出的就是另一个模型；float64 把这种差异压到 1e-12 左右，各台机器上结果相同
DTYPE = torch.float64
CLASSES = ["good", "scratch", "spot", "dent"]
S = 32


# --8<-- [start:textures]
def make_surfaces(counts, seed):
    """拉丝金属表面：counts[k] 张第 k 类（0 良品、1 划痕、2 斑点、3 凹坑）。"""
    g = torch.Generator().manual_seed(seed)
    labels = torch.cat([torch.full((c,), k) for k, c in enumerate(counts)])
    n = len(labels)
    # 每行一个随机亮度（拉丝纹理）+ 细小的像素噪声
    x = (
        0.5
        + 0.05 * torch.randn(n, 1, S, 1, generator=g, dtype=DTYPE)
        + 0.05 * torch.randn(n, 1, S, S, generator=g, dtype=DTYPE)
    )
    ys, xs = torch.meshgrid(
        torch.arange(S, dtype=DTYPE), torch.arange(S, dtype=DTYPE), indexing="ij"
    )
    cx, cy = (torch.rand(2, n, generator=g, dtype=DTYPE) * (S - 12) + 6).view(2, n, 1, 1)
    angle = torch.rand(n, 1, 1, generator=g, dtype=DTYPE) * torch.pi
    along = (xs - cx) * torch.cos(angle) + (ys - cy) * torch.sin(angle)
    across = -(xs - cx) * torch.sin(angle) + (ys - cy) * torch.cos(angle)
    scratch = 0.2 * ((across.abs() < 0.6) & (along.abs() < 10)).to(DTYPE)  # 细亮线
    dist2 = (xs - cx) ** 2 + (ys - cy) ** 2
    radius = torch.rand(n, 1, 1, generator=g, dtype=DTYPE) * 2 + 2
    spot = -0.2 * (dist2 < radius**2).to(DTYPE)  # 小暗点
    sigma = torch.rand(n, 1, 1, generator=g, dtype=DTYPE) * 1.5 + 2.5
    dent = 0.3 * (xs - cx) / sigma * torch.exp(-dist2 / (2 * sigma**2))  # 左暗右亮的起伏
    defect = torch.stack([torch.zeros_like(spot), scratch, spot, dent])[labels, torch.arange(n)]
    return (x + defect.unsqueeze(1)).clamp(0, 1), labels, defect.abs() > 0.05


# --8<-- [end:textures]


def train(weight=None, epochs=6):
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(),
        nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(32, 4),
    ).to(device, DTYPE)  # fmt: skip
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    g = torch.Generator().manual_seed(0)
    for _ in range(epochs):
        model.train()
        for idx in torch.randperm(len(train_y), generator=g).split(64):
            loss = F.cross_entropy(
                model(train_x[idx].to(device)), train_y[idx].to(device), weight=weight
            )
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    model.eval()
    with torch.inference_mode():
        return model(test_x.to(device)).argmax(1).cpu()


def report(name, pred):
    hits = [((pred == k) & (test_y == k)).sum().item() for k in range(4)]
    totals = torch.bincount(test_y, minlength=4).tolist()
    acc = (pred == test_y).float().mean().item()
    balanced = sum(h / t for h, t in zip(hits, totals, strict=True)) / 4  # 各类召回率的平均
    print(f"{name}：准确率 {acc:.0%}，平衡准确率 {balanced:.0%}")
    print(
        "    各类找对："
        + "，".join(f"{c} {h}/{t}" for c, h, t in zip(CLASSES, hits, totals, strict=True))
    )


train_x, train_y, _ = make_surfaces([500, 10, 10, 10], seed=1)  # 缺陷很少：良品占 94%
test_x, test_y, _ = make_surfaces([900, 30, 30, 30], seed=2)  # 测试集同样不平衡
print("训练集各类数量：", torch.bincount(train_y).tolist())
report("全部预测为良品", torch.zeros_like(test_y))

# --8<-- [start:weighted]
report("普通交叉熵", train())
counts = torch.bincount(train_y, minlength=4).to(DTYPE)
weight = counts.sum() / (4 * counts)  # 与样本数成反比：稀有类别的一个样本分量更重
print("类别权重：", [round(w, 2) for w in weight.tolist()])
report("加权交叉熵", train(weight.to(device)))
# --8<-- [end:weighted]
