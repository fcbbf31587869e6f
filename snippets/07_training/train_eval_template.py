import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    """训练一个轮次，返回 (平均损失, 准确率)。"""
    model.train()  # 打开 Dropout，BatchNorm 用当前批次的统计量并更新滑动平均
    total_loss, total_correct, total_count = 0.0, 0, 0
    for inputs, targets in loader:
        inputs, targets = inputs.to(device), targets.to(device)
        optimizer.zero_grad()  # 梯度默认累加，每步先清零
        logits = model(inputs)
        loss = loss_fn(logits, targets)
        loss.backward()
        optimizer.step()
        # 损失是批次平均值，乘以批次大小再累加，最后一个不满的批次才不会被高估
        n = targets.size(0)
        total_loss += loss.item() * n
        total_correct += (logits.argmax(dim=1) == targets).sum().item()
        total_count += n
    return total_loss / total_count, total_correct / total_count


@torch.inference_mode()  # 评估不需要计算图：省内存、更快
def evaluate(model, loader, loss_fn, device):
    """在验证集或测试集上评估，返回 (平均损失, 准确率)。"""
    model.eval()  # 关闭 Dropout，BatchNorm 改用训练时积累的统计量
    total_loss, total_correct, total_count = 0.0, 0, 0
    for inputs, targets in loader:
        inputs, targets = inputs.to(device), targets.to(device)
        logits = model(inputs)
        n = targets.size(0)
        total_loss += loss_fn(logits, targets).item() * n
        total_correct += (logits.argmax(dim=1) == targets).sum().item()
        total_count += n
    return total_loss / total_count, total_correct / total_count


def make_blobs(n_per_class=200):
    """三团二维高斯点，三个类别，彼此略有重叠。"""
    centers = torch.tensor([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])
    x = torch.cat([c + 1.0 * torch.randn(n_per_class, 2) for c in centers])
    y = torch.arange(3).repeat_interleave(n_per_class)
    return TensorDataset(x, y)


dataset = make_blobs()
train_set, val_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(train_set, batch_size=32, shuffle=True)
val_loader = DataLoader(val_set, batch_size=128)

# 紧跟 BatchNorm 的线性层不需要偏置：BatchNorm 会减去均值，偏置被抵消，
# 它的梯度只剩数值噪声，Adam 却会把噪声放大成一整步更新
model = nn.Sequential(
    nn.Linear(2, 32, bias=False),
    nn.BatchNorm1d(32),
    nn.ReLU(),
    nn.Dropout(0.2),
    nn.Linear(32, 3),
).to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

print(f"训练样本：{len(train_set)} 验证样本：{len(val_set)}")
for epoch in range(1, 6):
    train_loss, train_acc = train_one_epoch(model, train_loader, loss_fn, optimizer, device)
    val_loss, val_acc = evaluate(model, val_loader, loss_fn, device)
    print(
        f"轮次 {epoch} | 训练损失 {train_loss:.3f} 准确率 {train_acc:.1%}"
        f" | 验证损失 {val_loss:.3f} 准确率 {val_acc:.1%}"
    )
