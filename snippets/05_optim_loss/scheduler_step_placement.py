"""scheduler.step() 放在哪里：按轮次、按批次，以及 ReduceLROnPlateau 要传入指标。"""

import torch
from torch import nn
from torch.optim import lr_scheduler as sched
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
true_w = torch.tensor([[0.5], [-1.0], [0.2], [0.8]])
x = torch.randn(128, 4)
y = x @ true_w + 0.3 * torch.randn(128, 1)
# 验证集与训练集同分布、互不重叠：调度器看的指标必须来自没参与训练的数据
x_val = torch.randn(64, 4)
y_val = x_val @ true_w + 0.3 * torch.randn(64, 1)
loader = DataLoader(TensorDataset(x, y), batch_size=16, shuffle=True)
epochs = 6
loss_fn = nn.MSELoss()


def train(kind):
    torch.manual_seed(1)
    model = nn.Linear(4, 1)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
    if kind == "按轮次 CosineAnnealingLR":
        scheduler = sched.CosineAnnealingLR(optimizer, T_max=epochs)
    elif kind == "按批次 OneCycleLR":
        # 总步数 = 轮次 × 每轮批次数，所以必须每个批次 step 一次
        scheduler = sched.OneCycleLR(
            optimizer, max_lr=0.1, epochs=epochs, steps_per_epoch=len(loader)
        )
    else:
        scheduler = sched.ReduceLROnPlateau(optimizer, factor=0.5, patience=0)
    print(kind)
    for epoch in range(epochs):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            if kind == "按批次 OneCycleLR":
                scheduler.step()  # 每个批次
        with torch.no_grad():
            val_loss = loss_fn(model(x_val), y_val).item()
        if kind == "按轮次 CosineAnnealingLR":
            scheduler.step()  # 每个轮次
        elif kind == "按指标 ReduceLROnPlateau":
            scheduler.step(val_loss)  # 传入要监控的指标
        print(
            f"  轮次 {epoch + 1}  验证损失 {val_loss:.4f}  下一轮 lr {optimizer.param_groups[0]['lr']:.5f}"
        )


for kind in ["按轮次 CosineAnnealingLR", "按批次 OneCycleLR", "按指标 ReduceLROnPlateau"]:
    train(kind)

# 常见错误：OneCycleLR 按批次设定总步数，却每个轮次才 step 一次
optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.05)
wrong = sched.OneCycleLR(optimizer, max_lr=0.05, epochs=epochs, steps_per_epoch=len(loader))
for _ in range(epochs):
    optimizer.step()
    wrong.step()
print(f"每轮才 step 一次：训练结束时 lr={wrong.get_last_lr()[0]:.5f}，远没升到峰值 0.05")

# 反过来 step 太多次会直接报错
try:
    for _ in range(epochs * len(loader)):
        optimizer.step()
        wrong.step()
except ValueError as err:
    print(f"step 超过总步数：{err}")
