import math

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


def make_spirals(n_per_class=300, num_classes=3, noise=0.2):
    """三条交错的螺旋臂，每条一个类别：直线分不开，需要非线性模型。"""
    xs, ys = [], []
    for c in range(num_classes):
        r = torch.linspace(0.05, 1.0, n_per_class)
        theta = torch.linspace(0, 4, n_per_class) + c * 2 * math.pi / num_classes
        theta = theta + noise * torch.randn(n_per_class)
        xs.append(torch.stack([r * theta.sin(), r * theta.cos()], dim=1))
        ys.append(torch.full((n_per_class,), c))
    return torch.cat(xs), torch.cat(ys)


X, y = make_spirals()
train_set, val_set = random_split(
    TensorDataset(X, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0)
)
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
val_loader = DataLoader(val_set, batch_size=512)


@torch.inference_mode()
def evaluate(model, loader):
    model.eval()
    correct = total = 0
    for xb, yb in loader:
        xb, yb = xb.to(device), yb.to(device)
        correct += (model(xb).argmax(dim=1) == yb).sum().item()
        total += len(yb)
    return correct / total


def fit(model, epochs):
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()  # 输入 logits 和整数类别标签
    for _ in range(epochs):
        model.train()
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss_fn(model(xb), yb).backward()
            optimizer.step()
    return evaluate(model, val_loader)


# 对照组：softmax 回归（只有一个线性层），只能画出直线边界
linear = nn.Linear(2, 3)
print(f"softmax 回归 验证准确率：{fit(linear, epochs=30):.1%}")

# 两个隐藏层的 MLP
mlp = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 3))
print(f"MLP 验证准确率：{fit(mlp, epochs=30):.1%}")

# 预测概率：softmax 把 logits 变成每类的概率，每行加起来是 1
with torch.inference_mode():
    probs = torch.softmax(mlp(X[:3].to(device)), dim=1).cpu()
print("前 3 个样本的类别概率：\n", probs.round(decimals=3))
print(f"真实类别：{y[:3].tolist()}")

# 画出两个模型的决策区域（图中文字用英文，避免缺少中文字体时显示成方框）
grid = torch.linspace(-1.3, 1.3, 200)
gx, gy = torch.meshgrid(grid, grid, indexing="xy")
points = torch.stack([gx.flatten(), gy.flatten()], dim=1).to(device)
fig, axes = plt.subplots(1, 2, figsize=(9, 4.2))
for ax, (name, model) in zip(axes, [("softmax regression", linear), ("MLP", mlp)], strict=True):
    with torch.inference_mode():
        region = model(points).argmax(dim=1).reshape(gx.shape).cpu()
    ax.contourf(gx, gy, region, levels=[-0.5, 0.5, 1.5, 2.5], alpha=0.3, cmap="brg")
    ax.scatter(X[:, 0], X[:, 1], c=y, s=4, cmap="brg")
    ax.set_title(f"{name}: val acc {evaluate(model, val_loader):.1%}")
    ax.set_aspect("equal")
fig.tight_layout()
fig.savefig("spiral_decision_regions.png", dpi=100)
print("已保存 spiral_decision_regions.png")
