# 输出容差：units=2 ints
# 训练 100 轮后，线程数、CPU 指令集的细微差别会被放大：表格只打印 2 位小数和整数百分比，
# 测试也允许末位（包括整数百分比）相差 2 个单位
import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)


def make_data(n):
    """异或型二维数据：x1*x2>0 为 1 类；再随机翻转 20% 的标签，模拟标注噪声。"""
    x = torch.randn(n, 2)
    y = (x[:, 0] * x[:, 1] > 0).long()
    flip = torch.rand(n) < 0.2
    return TensorDataset(x, torch.where(flip, 1 - y, y))


# 训练集很小、模型很大：典型的会过拟合的组合
train_loader = DataLoader(make_data(200), batch_size=32, shuffle=True)
val_loader = DataLoader(make_data(500), batch_size=500)
model = nn.Sequential(
    nn.Linear(2, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 2)
)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.003)


def run_epoch(loader, train):
    """训练或评估一个轮次，返回 (平均损失, 准确率)。"""
    model.train(train)  # model.train(False) 等价于 model.eval()
    total_loss = correct = count = 0
    with torch.set_grad_enabled(train):
        for xb, yb in loader:
            logits = model(xb)
            loss = loss_fn(logits, yb)
            if train:
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            total_loss += loss.item() * len(yb)
            correct += (logits.argmax(dim=1) == yb).sum().item()
            count += len(yb)
    return total_loss / count, correct / count


history = {"train_loss": [], "val_loss": [], "train_acc": [], "val_acc": []}
for _ in range(100):
    train_loss, train_acc = run_epoch(train_loader, train=True)
    val_loss, val_acc = run_epoch(val_loader, train=False)
    history["train_loss"].append(train_loss)
    history["val_loss"].append(val_loss)
    history["train_acc"].append(train_acc)
    history["val_acc"].append(val_acc)

epochs = range(1, len(history["train_loss"]) + 1)
best_epoch = min(epochs, key=lambda e: history["val_loss"][e - 1])

# 图中文字用英文，避免缺少中文字体时显示成方框
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))
ax_loss.plot(epochs, history["train_loss"], label="train loss")
ax_loss.plot(epochs, history["val_loss"], label="val loss")
ax_acc.plot(epochs, history["train_acc"], label="train acc")
ax_acc.plot(epochs, history["val_acc"], label="val acc")
for ax in (ax_loss, ax_acc):
    ax.axvline(
        best_epoch, color="gray", linestyle="--", label=f"best val loss (epoch {best_epoch})"
    )
    ax.set_xlabel("epoch")
    ax.legend()
    ax.grid(alpha=0.3)
ax_loss.set_title("loss")
ax_acc.set_title("accuracy")
fig.tight_layout()
fig.savefig("training_curves.png", dpi=100)

print("轮次  训练损失  验证损失  训练准确率  验证准确率")
for e in [1, 10, 20, 40, 60, 80, 100]:
    i = e - 1
    print(
        f"{e:>4}  {history['train_loss'][i]:8.2f}  {history['val_loss'][i]:8.2f}"
        f"  {history['train_acc'][i]:9.0%}  {history['val_acc'][i]:9.0%}"
    )
print(f"验证损失最低的轮次：{best_epoch}（{history['val_loss'][best_epoch - 1]:.3f}）")
print("已保存 training_curves.png")
