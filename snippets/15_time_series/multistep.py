# 输出容差：units=2
# 训练几百步后，末位会随 CPU 指令集、线程数或 GPU 略有不同：允许末位相差 2 个单位
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


class MLPForecaster(nn.Module):
    def __init__(self, lookback, horizon):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(lookback, 64), nn.ReLU(), nn.Linear(64, horizon))

    def forward(self, x):
        last = x[:, -1:]
        return last + self.net(x - last)


def train(model, x, y, steps=400):
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    g = torch.Generator().manual_seed(0)
    for _ in range(steps):
        idx = torch.randint(0, len(x), (64,), generator=g)
        loss = nn.functional.mse_loss(model(x[idx]), y[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model.eval()


y = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)
mu, sd = y[:n_train].mean(), y[:n_train].std()
z = (y - mu) / sd
lookback, horizon = 48, 24

# 递归：训练一个单步模型，预测时把自己的输出接到窗口末尾，滚动 24 次
one_step = train(MLPForecaster(lookback, 1).to(device), *make_windows(z[:n_train], lookback, 1))
# 直接（多输出）：一个模型一次输出未来 24 步，训练目标就是真实的 24 个值
torch.manual_seed(0)
direct = train(
    MLPForecaster(lookback, horizon).to(device), *make_windows(z[:n_train], lookback, horizon)
)


# --8<-- [start:recursive]
@torch.no_grad()
def recursive_forecast(model, x, horizon):
    window, outputs = x.clone(), []
    for _ in range(horizon):
        step = model(window)  # (批次, 1)
        outputs.append(step)
        window = torch.cat([window[:, 1:], step], dim=1)  # 丢掉最旧的一点，接上刚预测的值
    return torch.cat(outputs, dim=1)  # (批次, horizon)


# --8<-- [end:recursive]


x_test, y_test = make_windows(z[n_val:], lookback, horizon)
with torch.no_grad():
    preds = {
        "naive": x_test[:, -1:].expand(-1, horizon),
        "snaive24": x_test[:, -24:],  # 未来第 h 小时用昨天同一小时
        "recursive": recursive_forecast(one_step, x_test, horizon),
        "direct": direct(x_test),
    }
mae_by_h = {name: ((p - y_test).abs().mean(dim=0) * sd).cpu() for name, p in preds.items()}

print(f"测试窗口：{len(x_test)} 个，每个预测未来 {horizon} 小时；按预测步数 h 的 MAE：")
print(f"{'method':<10}" + "".join(f"{f'h={h}':>8}" for h in (1, 6, 12, 24)) + f"{'mean':>8}")
for name, m in mae_by_h.items():
    print(
        f"{name:<10}" + "".join(f"{m[h - 1]:>8.3f}" for h in (1, 6, 12, 24)) + f"{m.mean():>8.3f}"
    )

# 递归的输入越滚越不像训练时见过的窗口：它自己的输出没有噪声，比真实序列平滑得多
rough_true = (y_test[:, 1:] - y_test[:, :-1]).std() * sd
rough_rec = (preds["recursive"][:, 1:] - preds["recursive"][:, :-1]).std() * sd
print(f"相邻两小时之差的标准差：真实 {rough_true:.3f}，递归预测 {rough_rec:.3f}")

fig, axes = plt.subplots(1, 2, figsize=(11, 4))
hs = torch.arange(1, horizon + 1)
for name, m in mae_by_h.items():
    axes[0].plot(hs, m, marker=".", label=name)
axes[0].set(xlabel="horizon h (hours ahead)", ylabel="test MAE", title="Error vs horizon")
axes[0].legend()
i = 100  # 随便挑一个测试窗口画出来
past = torch.arange(-lookback, 0)
axes[1].plot(past, (x_test[i] * sd + mu).cpu(), "k-", lw=1, label="history")
axes[1].plot(hs, (y_test[i] * sd + mu).cpu(), "k.", label="truth")
for name in ["recursive", "direct"]:
    axes[1].plot(hs, (preds[name][i] * sd + mu).cpu(), lw=1.5, label=name)
axes[1].set(xlabel="hour relative to forecast origin", ylabel="value", title="One 24-hour forecast")
axes[1].legend()
fig.tight_layout()
plt.savefig("error_vs_horizon.png", dpi=100)
