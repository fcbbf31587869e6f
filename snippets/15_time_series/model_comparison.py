# 输出容差：units=2
# 训练几百步后，末位会随 CPU 指令集、线程数或 GPU 略有不同：允许末位相差 2 个单位
import math

import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)
# 模型很小，每一步只有几十微秒的计算：多线程的同步开销反而更大，CPU 很忙时可以慢十几倍
torch.set_num_threads(1)
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


# --8<-- [start:models]
class MLPForecaster(nn.Module):
    def __init__(self, lookback):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(lookback, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, x):  # (批次, lookback)
        last = x[:, -1:]
        return last + self.net(x - last)


class LSTMForecaster(nn.Module):
    def __init__(self, hidden=32):
        super().__init__()
        self.lstm = nn.LSTM(input_size=1, hidden_size=hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        last = x[:, -1:]
        out, _ = self.lstm((x - last).unsqueeze(-1))  # (批次, lookback, 1)：每步一个特征
        return last + self.head(out[:, -1])  # 只用最后一个时间步的隐藏状态


class CNNForecaster(nn.Module):
    def __init__(self, lookback, channels=16):
        super().__init__()
        self.net = nn.Sequential(
            nn.Conv1d(1, channels, kernel_size=5, padding=2),  # 每个卷积核看 5 小时的局部形状
            nn.ReLU(),
            nn.MaxPool1d(2),  # 48 -> 24
            nn.Conv1d(channels, channels, kernel_size=5, padding=2),
            nn.ReLU(),
            nn.MaxPool1d(2),  # 24 -> 12
            nn.Flatten(),
            nn.Linear(channels * (lookback // 4), 1),
        )

    def forward(self, x):
        last = x[:, -1:]
        return last + self.net((x - last).unsqueeze(1))  # (批次, 1 个通道, lookback)


# --8<-- [end:models]


y = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)
mu, sd = y[:n_train].mean(), y[:n_train].std()
z = (y - mu) / sd
lookback = 48
x_train, y_train = make_windows(z[:n_train], lookback, 1)
x_test, y_test = make_windows(z[n_val:], lookback, 1)


def train(model, steps):
    model.to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    g = torch.Generator().manual_seed(0)
    for _ in range(steps):
        idx = torch.randint(0, len(x_train), (64,), generator=g)
        loss = nn.functional.mse_loss(model(x_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.no_grad():
        return model(x_test)


preds = {"naive": x_test[:, -1:], "snaive24": x_test[:, -24:-23]}
for name, model, steps in [
    ("MLP", MLPForecaster(lookback), 400),
    ("LSTM", LSTMForecaster(), 300),
    ("CNN", CNNForecaster(lookback), 300),
]:
    torch.manual_seed(0)  # 每个模型从同样的随机状态开始初始化
    preds[name] = train(model, steps)
    print(f"{name}：参数量 {sum(p.numel() for p in model.parameters())}")

print(f"{'method':<10}{'MAE':>7}{'RMSE':>7}")
for name, p in preds.items():
    err = (p - y_test) * sd  # 换回原来的单位
    print(f"{name:<10}{err.abs().mean():>7.3f}{err.pow(2).mean().sqrt():>7.3f}")

hours = torch.arange(72)
fig, ax = plt.subplots(figsize=(10, 4))
ax.plot(hours, (y_test[:72, 0] * sd + mu).cpu(), "k.-", lw=1, label="truth")
for name, style in [("naive", ":"), ("MLP", "-"), ("LSTM", "-"), ("CNN", "-")]:
    ax.plot(hours, (preds[name][:72, 0] * sd + mu).cpu(), style, lw=1.2, label=name)
ax.set(
    xlabel="hour in the test part",
    ylabel="value",
    title="One-step-ahead forecasts (first 3 days of test)",
)
ax.legend(ncol=5, loc="upper left")
fig.tight_layout()
plt.savefig("forecasts_vs_truth.png", dpi=100)
