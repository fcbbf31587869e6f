import math

import torch


def make_series(n=2016, seed=0):
    """每小时一个点，共 12 周：趋势 + 日周期 + 周周期 + 白天更大的噪声。"""
    g = torch.Generator().manual_seed(seed)
    t = torch.arange(n, dtype=torch.float32)
    daily = torch.sin(2 * math.pi * t / 24)
    weekly = 0.5 * torch.sin(2 * math.pi * t / 168)
    noise = (0.25 + 0.15 * daily) * torch.randn(n, generator=g)
    return 0.002 * t + daily + weekly + noise


def mase(pred, truth, train, m=24):
    """MAE 除以季节朴素预测在训练段上的 MAE：小于 1 就比这个简单的参照好。"""
    scale = (train[m:] - train[:-m]).abs().mean()
    return ((pred - truth).abs().mean() / scale).item()


def mape(pred, truth):
    return ((pred - truth).abs() / truth.abs()).mean().item()


y = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)
train = y[:n_train]
t = torch.arange(n_val + 48, n)
truth = y[t]
print(f"训练段季节朴素的 MAE（MASE 的分母）：{(train[24:] - train[:-24]).abs().mean():.3f}")
for name, pred in [("naive", y[t - 1]), ("snaive24", y[t - 24]), ("snaive168", y[t - 168])]:
    print(f"{name:<10} 测试 MASE {mase(pred, truth, train):.3f}")

# MAPE 的毛病：真实值接近 0 时分母接近 0，一个点就能把平均值推上天
early = torch.arange(48, 336)  # 前两周：序列还在 0 附近上下摆动
print(f"前两周真实值绝对值的最小值：{y[early].abs().min():.4f}")
print(
    f"前两周朴素预测：MAPE {mape(y[early - 1], y[early]):.0%}，MASE {mase(y[early - 1], y[early], train):.3f}"
)
print(f"后几周朴素预测：MAPE {mape(y[t - 1], truth):.0%}，MASE {mase(y[t - 1], truth, train):.3f}")
