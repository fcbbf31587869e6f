# 输出容差：units=2 ints
# 训练后的分位数在另一台机器上略有不同，个别点会落到区间另一侧：末位与百分数允许相差 2
import math

import matplotlib.pyplot as plt
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


def pinball_loss(pred, target, quantiles):
    error = target - pred  # target: (批次, 1) 广播到 (批次, 分位数个数)
    return torch.maximum(quantiles * error, (quantiles - 1) * error).mean()


class QuantileMLP(nn.Module):
    """一个网络同时输出 3 个分位数，仍然以窗口最后一个值为基准。"""

    def __init__(self, lookback, n_quantiles):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(lookback, 64), nn.ReLU(), nn.Linear(64, n_quantiles))

    def forward(self, x):
        last = x[:, -1:]
        return last + self.net(x - last)  # (批次, 分位数个数)


y = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)
mu, sd = y[:n_train].mean(), y[:n_train].std()
z = (y - mu) / sd
lookback = 48
x_train, y_train = make_windows(z[:n_train], lookback, 1)
x_test, y_test = make_windows(z[n_val:], lookback, 1)
taus = torch.tensor([0.1, 0.5, 0.9], device=device)

model = QuantileMLP(lookback, len(taus)).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
g = torch.Generator().manual_seed(0)
for _ in range(600):
    idx = torch.randint(0, len(x_train), (64,), generator=g)
    loss = pinball_loss(model(x_train[idx]), y_train[idx], taus)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

model.eval()
with torch.no_grad():
    q = model(x_test) * sd + mu  # 换回原来的单位
truth = y_test * sd + mu
lo, mid, hi = q[:, 0:1], q[:, 1:2], q[:, 2:3]
inside = (truth >= lo) & (truth <= hi)
print(f"测试窗口：{len(truth)} 个")
print(
    f"低于 10% 分位数：{(truth < lo).float().mean():.0%}，低于中位数：{(truth < mid).float().mean():.0%}，高于 90% 分位数：{(truth > hi).float().mean():.0%}"
)
print(f"[q10, q90] 区间的经验覆盖率：{inside.float().mean():.0%}（目标 80%）")
print(f"中位数预测的 MAE：{(mid - truth).abs().mean():.3f}")
print(f"分位数交叉（q10 > q50 或 q50 > q90）的窗口：{((lo > mid) | (mid > hi)).sum().item()} 个")

# 噪声在日周期的高处大、低处小，区间宽度应该跟着变
hour = torch.arange(n_val + lookback, n)
phase = torch.sin(2 * math.pi * hour / 24).to(device)
width = (hi - lo).squeeze(1)
print(
    f"平均区间宽度：日周期高处 {width[phase > 0.5].mean():.2f}，低处 {width[phase < -0.5].mean():.2f}"
)

hours = torch.arange(96)
fig, ax = plt.subplots(figsize=(10, 4))
ax.fill_between(
    hours, lo[:96, 0].cpu(), hi[:96, 0].cpu(), color="tab:blue", alpha=0.25, label="10%-90% band"
)
ax.plot(hours, mid[:96, 0].cpu(), color="tab:blue", lw=1.2, label="median forecast")
outside = ~inside[:96, 0].cpu()
ax.plot(hours, truth[:96, 0].cpu(), "k.", ms=4, label="truth")
ax.plot(hours[outside], truth[:96, 0].cpu()[outside], "rx", ms=6, label="outside band")
ax.set(
    xlabel="hour in the test part",
    ylabel="value",
    title="Quantile forecast, one step ahead (first 4 days of test)",
)
ax.legend(ncol=4, loc="upper left")
fig.tight_layout()
plt.savefig("quantile_band.png", dpi=100)
