import torch
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# MNIST 的常用归一化常数：官方训练集 60000 张图的像素均值与标准差
transform = v2.Compose(
    [
        v2.ToImage(),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize((0.1307,), (0.3081,)),
    ]
)
# 文件不在 data/MNIST/raw/ 时才会下载；已经在了就直接读
train_set = datasets.MNIST(root="data", train=True, download=True, transform=transform)
test_set = datasets.MNIST(root="data", train=False, download=True, transform=transform)
print(f"训练集样本数：{len(train_set)}  测试集样本数：{len(test_set)}")
print(f"类别：{train_set.classes[:3]} ...")
print(f"原始数据：{tuple(train_set.data.shape)} {train_set.data.dtype}")

image, label = train_set[0]
print(f"变换后的一个样本：形状 {tuple(image.shape)}，dtype {image.dtype}，标签 {label}")

g = torch.Generator().manual_seed(0)
train_loader = DataLoader(train_set, batch_size=64, shuffle=True, generator=g)
test_loader = DataLoader(test_set, batch_size=256)
xb, yb = next(iter(train_loader))
print(f"一个批次：{tuple(xb.shape)} {tuple(yb.shape)}")

# 一个很小的全连接网络，只为说明数据能喂给模型、模型能学到东西
model = nn.Sequential(
    nn.Flatten(),  # (B, 1, 28, 28) -> (B, 784)
    nn.Linear(28 * 28, 64),
    nn.ReLU(),
    nn.Linear(64, 10),
).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
loss_fn = nn.CrossEntropyLoss()


def evaluate() -> float:
    model.eval()
    correct = 0
    with torch.no_grad():
        for xb, yb in test_loader:
            pred = model(xb.to(device)).argmax(dim=1)
            correct += (pred == yb.to(device)).sum().item()
    return correct / len(test_set)


for epoch in range(1, 4):
    model.train()
    total_loss = 0.0
    for xb, yb in train_loader:
        xb, yb = xb.to(device), yb.to(device)
        loss = loss_fn(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(xb)
    print(f"第 {epoch} 轮：平均损失 {total_loss / len(train_set):.3f}，测试准确率 {evaluate():.1%}")
