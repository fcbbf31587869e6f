import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision import tv_tensors
from torchvision.transforms import v2

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
if device.type == "mps":  # MPS 不支持 float64，退回 CPU
    device = torch.device("cpu")
# 用 float64：训练会把 CPU 内核之间极小的舍入差异一轮轮放大，float32 下换一种 CPU 设置，
# 个别样本的预测就会翻转；float64 把这种差异压到 1e-12 左右，各台机器上结果相同。
# 设成默认类型，模型的参数一创建就是 float64（先建 float32 再转换，初值已经随 CPU 而异）
DTYPE = torch.float64
torch.set_default_dtype(DTYPE)
CLASSES = ["circle", "square", "triangle", "cross"]


def make_shapes(n, size=32, seed=0):
    """生成 n 张 uint8 彩色图：噪声背景上一个随机颜色、大小、位置的图形。"""
    g = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, 4, (n,), generator=g)
    r = torch.randint(4, 9, (n, 1, 1), generator=g).float()  # 半径 4～8 像素
    cx, cy = (torch.randint(9, size - 9, (2, n, 1, 1), generator=g)).float()
    coords = torch.arange(size, dtype=torch.float32)
    ys, xs = torch.meshgrid(coords, coords, indexing="ij")
    dx, dy = xs - cx, ys - cy
    masks = torch.stack(
        [
            dx**2 + dy**2 <= r**2,  # 圆
            (dx.abs() <= r * 0.8) & (dy.abs() <= r * 0.8),  # 正方形
            (dy.abs() <= r * 0.8) & (dx.abs() <= (dy + r * 0.8) / 2),  # 尖朝上的三角形
            ((dx.abs() <= r / 3) & (dy.abs() <= r)) | ((dy.abs() <= r / 3) & (dx.abs() <= r)),
        ]
    )[labels, torch.arange(n)]  # 按标签取出每张图自己的那个掩码
    color = torch.rand(n, 3, 1, 1, generator=g) * 0.6 + 0.4
    images = torch.rand(n, 3, size, size, generator=g) * 0.35  # 背景噪声
    images = torch.where(masks.unsqueeze(1), color, images)
    return (images * 255).to(torch.uint8), labels


class ShapeDataset(Dataset):
    def __init__(self, images, labels, transform):
        self.images, self.labels, self.transform = images, labels, transform

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        # 包成 tv_tensors.Image，v2 变换就知道这是图像（而不是掩码或框）
        return self.transform(tv_tensors.Image(self.images[i])), self.labels[i]


# --8<-- [start:transforms]
to_float = v2.ToDtype(DTYPE, scale=True)  # 先转成浮点：仿射变换的插值也在 float64 下算
normalize = v2.Normalize([0.5] * 3, [0.25] * 3)
train_tf = v2.Compose(
    [
        to_float,
        v2.RandomHorizontalFlip(),  # 左右翻转不改变这四种图形的类别
        v2.RandomAffine(degrees=10, translate=(0.1, 0.1)),
        normalize,
    ]
)
test_tf = v2.Compose([to_float, normalize])  # 测试时不做随机增强，只做同样的归一化
# --8<-- [end:transforms]

train_x, train_y = make_shapes(1200, seed=1)
test_x, test_y = make_shapes(600, seed=2)
g = torch.Generator().manual_seed(0)
train_loader = DataLoader(ShapeDataset(train_x, train_y, train_tf), 64, shuffle=True, generator=g)
test_loader = DataLoader(ShapeDataset(test_x, test_y, test_tf), batch_size=200)

model = nn.Sequential(
    nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.MaxPool2d(2),  # -> 8x16x16
    nn.Conv2d(8, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),  # -> 16x8x8
    nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
    nn.Flatten(), nn.Linear(32, 4),
).to(device)  # fmt: skip
optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
loss_fn = nn.CrossEntropyLoss()

for epoch in range(1, 6):
    model.train()
    total = 0.0
    for x, y in train_loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(y)
    print(f"轮次 {epoch}：训练损失 {total / len(train_y):.3f}")

# --8<-- [start:confusion]
model.eval()
with torch.inference_mode():
    preds = torch.cat([model(x.to(device)).argmax(1).cpu() for x, _ in test_loader])
cm = torch.bincount(test_y * 4 + preds, minlength=16).reshape(4, 4)  # 行：真实，列：预测
print(f"测试准确率：{(preds == test_y).float().mean():.1%}")
print("混淆矩阵（行为真实类别，列为预测类别）：")
print(cm)

fig, ax = plt.subplots(figsize=(4.2, 3.8))
ax.imshow(cm, cmap="Blues")
for i in range(4):
    for j in range(4):
        color = "white" if cm[i, j] > cm.max() / 2 else "black"
        ax.text(j, i, int(cm[i, j]), ha="center", va="center", color=color)
ax.set_xticks(range(4), CLASSES)
ax.set_yticks(range(4), CLASSES)
ax.set_xlabel("predicted")
ax.set_ylabel("true")
fig.tight_layout()
fig.savefig("shapes_confusion.png", dpi=100)
# --8<-- [end:confusion]

torch.set_default_dtype(torch.float32)  # 还原默认类型，同一进程里接着运行的代码不受影响
