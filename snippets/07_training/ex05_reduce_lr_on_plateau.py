import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

# 一个带噪声的回归任务：y = sin(3x) + 噪声
X = torch.rand(400, 1) * 2 - 1
y = torch.sin(3 * X) + 0.1 * torch.randn(400, 1)
train_loader = DataLoader(TensorDataset(X[:320], y[:320]), batch_size=32, shuffle=True)
X_val, y_val = X[320:], y[320:]

model = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, 1))
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.2, momentum=0.9)
# 没有改进的轮数超过 patience（即连续 patience + 1 轮），就把学习率乘以 factor
scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=3)

for epoch in range(1, 41):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss_fn(model(xb), yb).backward()
        optimizer.step()
    model.eval()
    with torch.inference_mode():
        val_loss = loss_fn(model(X_val), y_val).item()
    old_lr = optimizer.param_groups[0]["lr"]
    bad_before = scheduler.num_bad_epochs  # 到上一轮为止连续没有改进的轮数
    scheduler.step(val_loss)  # 与其他调度器不同：要把监控的指标传进去
    new_lr = optimizer.param_groups[0]["lr"]
    if new_lr != old_lr:
        # 条件是 num_bad_epochs > patience：连续第 patience + 1 轮没有改进时才减半
        print(
            f"轮次 {epoch}：验证损失 {val_loss:.4f}，已连续 {bad_before + 1} 轮没有改进，"
            f"学习率 {old_lr:g} -> {new_lr:g}"
        )

print(f"最终验证 MSE：{val_loss:.4f}（噪声方差 0.01 是下限）")
