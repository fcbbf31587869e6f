from pathlib import Path

import torch
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split
from torch.utils.tensorboard import SummaryWriter

torch.manual_seed(0)

# 小任务：二维点按 x1 + x2 的正负分成两类
X = torch.randn(600, 2)
y = (X.sum(dim=1) > 0).long()
train_set, val_set = random_split(
    TensorDataset(X, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0)
)
train_loader = DataLoader(train_set, batch_size=32, shuffle=True)
val_loader = DataLoader(val_set, batch_size=120)

model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

# 每次实验一个子目录，TensorBoard 会把它们当成可以对比的不同“运行”
writer = SummaryWriter(log_dir="runs/sgd_lr0.1")
step = 0
for epoch in range(1, 6):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
        step += 1
        writer.add_scalar("loss/train_step", loss.item(), step)  # 横轴是全局步数
    model.eval()
    with torch.inference_mode():
        xb, yb = next(iter(val_loader))
        logits = model(xb)
        val_loss = loss_fn(logits, yb).item()
        val_acc = (logits.argmax(dim=1) == yb).float().mean().item()
    writer.add_scalar("loss/val", val_loss, epoch)  # 横轴是轮次
    writer.add_scalar("accuracy/val", val_acc, epoch)
    writer.add_scalar("lr", optimizer.param_groups[0]["lr"], epoch)
    writer.add_histogram("weights/layer0", model[0].weight, epoch)
writer.close()  # 关闭前会把缓冲区里的事件写进磁盘

# 把事件文件读回来，确认写进去了什么
event_files = list(Path("runs/sgd_lr0.1").glob("events.out.tfevents.*"))
print(f"事件文件个数：{len(event_files)}")
acc = EventAccumulator("runs/sgd_lr0.1")
acc.Reload()
tags = acc.Tags()
print(f"标量标签：{sorted(tags['scalars'])}")
print(f"直方图标签：{tags['histograms']}")
for tag in sorted(tags["scalars"]):
    events = acc.Scalars(tag)
    print(f"{tag}: {len(events)} 个点，最后一个值 {events[-1].value:.4f}（步 {events[-1].step}）")
