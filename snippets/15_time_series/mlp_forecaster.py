# 输出容差：units=2
# 训练几百步后，末位会随 CPU 指令集、线程数或 GPU 略有不同：允许末位相差 2 个单位
import math

import torch
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


def make_series(n=2016, seed=0):
    """每小时一个点，共 12 周：趋势 + 日周期 + 周周期 + 白天更大的噪声。"""
    g = torch.Generator().manual_seed(seed)
    t = torch.arange(n, dtype=torch.float32)
    daily = torch.sin(2 * math.pi * t / 24)
    weekly = 0.5 * torch.sin(2 * math.pi * t / 168)
    noise = (0.25 + 0.15 * daily) * torch.randn(n, generator=g)
    return 0.002 * t + daily + weekly + noise


def make_windows(segment, lookback, horizon):
    w = segment.unfold(0, lookback + horizon, 1)
    return w[:, :lookback].to(device), w[:, lookback:].to(device)


# --8<-- [start:model]
class MLPForecaster(nn.Module):
    """预测相对窗口最后一个值的变化量：输出 = 最后一个值 + 网络给出的修正。"""

    def __init__(self, lookback, horizon, hidden=64):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(lookback, hidden), nn.ReLU(), nn.Linear(hidden, horizon))

    def forward(self, x):  # x: (批次, lookback)
        last = x[:, -1:]  # (批次, 1)
        return last + self.net(x - last)  # 输入也减去最后一个值，整体水平高低与模型无关


# --8<-- [end:model]


y = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)
mu, sd = y[:n_train].mean(), y[:n_train].std()  # 只用训练段
z = (y - mu) / sd
lookback = 48
x_train, y_train = make_windows(z[:n_train], lookback, 1)
x_val, y_val = make_windows(z[n_train:n_val], lookback, 1)
x_test, y_test = make_windows(z[n_val:], lookback, 1)


def mae(pred, target):
    return ((pred - target).abs().mean() * sd).item()  # 乘回标准差：误差回到原来的单位


model = MLPForecaster(lookback, 1).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
g = torch.Generator().manual_seed(0)
print(f"参数量：{sum(p.numel() for p in model.parameters())}")
for step in range(1, 401):
    model.train()
    idx = torch.randint(0, len(x_train), (64,), generator=g)  # 窗口之间可以打乱，段与段之间不行
    loss = nn.functional.mse_loss(model(x_train[idx]), y_train[idx])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 100 == 0:
        model.eval()
        with torch.no_grad():
            print(f"步 {step}：训练损失 {loss.item():.3f}，验证 MAE {mae(model(x_val), y_val):.3f}")

model.eval()
with torch.no_grad():
    print(
        f"测试 MAE：MLP {mae(model(x_test), y_test):.3f}，朴素预测 {mae(x_test[:, -1:], y_test):.3f}"
    )
