import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, random_split
from torchvision import datasets
from torchvision.transforms import v2

# 像素 uint8 [0, 255] -> float32 [0, 1] -> 用 MNIST 训练集的均值、标准差归一化
transform = v2.Compose(
    [
        v2.ToImage(),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean=(0.1307,), std=(0.3081,)),
    ]
)


def build_loaders(batch_size=32):
    # 第一次运行会下载到 ./data/MNIST/raw；文件已在就直接读取
    train_full = datasets.MNIST(root="data", train=True, download=True, transform=transform)
    test_set = datasets.MNIST(root="data", train=False, download=True, transform=transform)
    # 官方只分了训练集和测试集：从训练集里再切出 10% 做验证集，测试集留到最后
    train_set, val_set = random_split(
        train_full, [0.9, 0.1], generator=torch.Generator().manual_seed(0)
    )
    return (
        DataLoader(train_set, batch_size=batch_size, shuffle=True),
        DataLoader(val_set, batch_size=256),
        DataLoader(test_set, batch_size=256),
    )


class SmallCNN(nn.Module):
    """两层卷积 + 两层全连接，约 21 万个参数。"""

    def __init__(self, num_classes=10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=3, padding=1),  # 1x28x28 -> 16x28x28
            nn.ReLU(),
            nn.MaxPool2d(2),  # -> 16x14x14
            nn.Conv2d(16, 32, kernel_size=3, padding=1),  # -> 32x14x14
            nn.ReLU(),
            nn.MaxPool2d(2),  # -> 32x7x7
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(32 * 7 * 7, 128),
            nn.ReLU(),
            nn.Dropout(0.25),
            nn.Linear(128, num_classes),
        )

    def forward(self, x):
        return self.classifier(self.features(x))


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    total_loss, correct, count = 0.0, 0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        optimizer.zero_grad()
        logits = model(images)
        loss = loss_fn(logits, labels)
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * labels.size(0)
        correct += (logits.argmax(dim=1) == labels).sum().item()
        count += labels.size(0)
    return total_loss / count, correct / count


@torch.inference_mode()
def evaluate(model, loader, loss_fn, device):
    model.eval()
    total_loss, correct, count = 0.0, 0, 0
    for images, labels in loader:
        images, labels = images.to(device), labels.to(device)
        logits = model(images)
        total_loss += loss_fn(logits, labels).item() * labels.size(0)
        correct += (logits.argmax(dim=1) == labels).sum().item()
        count += labels.size(0)
    return total_loss / count, correct / count


def main(epochs=3):
    torch.manual_seed(0)
    device = (
        torch.accelerator.current_accelerator()
        if torch.accelerator.is_available()
        else torch.device("cpu")
    )
    train_loader, val_loader, test_loader = build_loaders()
    print(
        f"训练 / 验证 / 测试样本数：{[len(dl.dataset) for dl in (train_loader, val_loader, test_loader)]}"
    )

    model = SmallCNN().to(device)
    print(f"参数个数：{sum(p.numel() for p in model.parameters())}")
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    best_acc = 0.0
    for epoch in range(1, epochs + 1):
        train_loss, train_acc = train_one_epoch(model, train_loader, loss_fn, optimizer, device)
        val_loss, val_acc = evaluate(model, val_loader, loss_fn, device)
        print(
            f"轮次 {epoch} | 训练损失 {train_loss:.3f} 准确率 {train_acc:.1%}"
            f" | 验证损失 {val_loss:.3f} 准确率 {val_acc:.1%}"
        )
        if val_acc > best_acc:  # 只保存验证集上最好的那一轮
            best_acc = val_acc
            torch.save(model.state_dict(), "mnist_cnn_best.pt")
            print("  验证准确率创新高，已保存 mnist_cnn_best.pt")

    # 用最好的权重在测试集上做最终评估；测试集只在这里用一次
    model.load_state_dict(torch.load("mnist_cnn_best.pt", map_location=device, weights_only=True))
    test_loss, test_acc = evaluate(model, test_loader, loss_fn, device)
    print(f"测试集 损失 {test_loss:.3f} 准确率 {test_acc:.1%}")
    report_errors(model, test_loader, device)


@torch.inference_mode()
def report_errors(model, loader, device):
    """混淆矩阵与分错的样本：准确率之外，看清模型把什么错认成了什么。"""
    model.eval()
    images, labels, preds = [], [], []
    for x, y in loader:
        images.append(x)
        labels.append(y)
        preds.append(model(x.to(device)).argmax(dim=1).cpu())
    images, labels, preds = torch.cat(images), torch.cat(labels), torch.cat(preds)
    # 行是真实类别、列是预测类别（与 scikit-learn 相同）
    cm = torch.bincount(labels * 10 + preds, minlength=100).view(10, 10)
    print("混淆矩阵（行：真实，列：预测）：")
    print("     " + "".join(f"{j:>4}" for j in range(10)))
    for i in range(10):
        print(f"{i:>4} " + "".join(f"{v:>4}" for v in cm[i].tolist()))
    wrong = (preds != labels).nonzero().flatten()
    print(f"分错 {len(wrong)} 个，前 8 个（下标：真实 -> 预测）：")
    print("  " + "，".join(f"{i}：{labels[i]} -> {preds[i]}" for i in wrong[:8].tolist()))

    # 把分错的图画出来：很多错误一眼就能看出原因（写得潦草、像别的数字、标注本身可疑）
    fig, axes = plt.subplots(1, 8, figsize=(12, 2))
    for ax, i in zip(axes, wrong[:8].tolist(), strict=False):
        ax.imshow(images[i, 0], cmap="gray")
        ax.set_title(f"true {labels[i]} / pred {preds[i]}", fontsize=9)
    for ax in axes:
        ax.axis("off")
    fig.tight_layout()
    fig.savefig("mnist_errors.png", dpi=100)


if __name__ == "__main__":
    main()
