"""权重平均：EMA 与 SWA（torch.optim.swa_utils）。"""

import torch
from torch import nn
from torch.optim.swa_utils import SWALR, AveragedModel, get_ema_multi_avg_fn, update_bn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)


def make_data(n):
    """带噪声的非线性回归：y = sin(2x1) + x2² / 2 + 噪声。"""
    x = torch.randn(n, 2)
    y = torch.sin(2 * x[:, :1]) + x[:, 1:] ** 2 / 2 + 0.3 * torch.randn(n, 1)
    return x, y


x_train, y_train = make_data(512)
x_val, y_val = make_data(1000)
loader = DataLoader(TensorDataset(x_train, y_train), batch_size=32, shuffle=True)
model = nn.Sequential(nn.Linear(2, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 1))
loss_fn = nn.MSELoss()
# 学习率故意偏大：参数在最低点附近来回跳，平均的好处才明显
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

# EMA：每步更新一次，use_buffers=True 让 BatchNorm 的滑动统计量也一起平均
ema_model = AveragedModel(model, multi_avg_fn=get_ema_multi_avg_fn(0.99), use_buffers=True)
# SWA：从第 swa_start 轮起每轮取一次等权平均，同时把学习率换成常数 swa_lr
swa_model = AveragedModel(model)
swa_start, epochs = 10, 20
swa_scheduler = SWALR(optimizer, swa_lr=0.05, anneal_epochs=5)


def val_loss(m):
    m.eval()
    with torch.no_grad():
        return loss_fn(m(x_val), y_val).item()


for epoch in range(epochs):
    model.train()
    for xb, yb in loader:
        optimizer.zero_grad()
        loss_fn(model(xb), yb).backward()
        optimizer.step()
        ema_model.update_parameters(model)
    if epoch >= swa_start:
        swa_model.update_parameters(model)
        swa_scheduler.step()

print(f"SWA 平均了 {swa_model.n_averaged.item()} 个轮次的权重")
print(f"最后一步的模型      验证 MSE {val_loss(model):.3f}")
print(f"EMA（衰减 0.99）    验证 MSE {val_loss(ema_model):.3f}")
# swa_model 的 BatchNorm 统计量还是第一次复制时的旧值，与平均后的权重不配套
print(f"SWA，未重算 BN      验证 MSE {val_loss(swa_model):.3f}")
update_bn(loader, swa_model)  # 用训练数据前向一遍，重新统计 running_mean / running_var
print(f"SWA，update_bn 之后 验证 MSE {val_loss(swa_model):.3f}")
