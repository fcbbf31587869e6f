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


class PlainMLP(nn.Module):
    """直接把归一化后的窗口喂进去，直接输出下一个值。"""

    def __init__(self, lookback):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(lookback, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, x):
        return self.net(x)


class OffsetMLP(PlainMLP):
    """同样的网络，输入输出都相对窗口最后一个值。"""

    def forward(self, x):
        last = x[:, -1:]
        return last + self.net(x - last)


y = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)
mu, sd = y[:n_train].mean(), y[:n_train].std()
z = (y - mu) / sd
x_train, y_train = make_windows(z[:n_train], 48, 1)
x_val, y_val = make_windows(z[n_train:n_val], 48, 1)
x_test, y_test = make_windows(z[n_val:], 48, 1)
print(
    f"归一化后窗口均值的范围：训练 [{x_train.mean(1).min():.2f}, {x_train.mean(1).max():.2f}]，测试 [{x_test.mean(1).min():.2f}, {x_test.mean(1).max():.2f}]"
)

for cls in (PlainMLP, OffsetMLP):
    torch.manual_seed(0)
    model = cls(48).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    g = torch.Generator().manual_seed(0)
    for _ in range(400):
        idx = torch.randint(0, len(x_train), (64,), generator=g)
        loss = nn.functional.mse_loss(model(x_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        val_mae = ((model(x_val) - y_val).abs().mean() * sd).item()
        test_err = (model(x_test) - y_test) * sd
    print(
        f"{cls.__name__:<9} 验证 MAE {val_mae:.3f}，测试 MAE {test_err.abs().mean():.3f}，测试平均偏差 {test_err.mean():+.3f}"
    )
