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


def mae(pred, true):
    return (pred - true).abs().mean().item()


def rmse(pred, true):
    return (pred - true).pow(2).mean().sqrt().item()


y = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)
lookback = 48

# 与后面模型的测试窗口对齐：目标是测试段里第 48 个点以后的每一小时
t = torch.arange(n_val + lookback, n)
truth = y[t]
forecasts = {
    "naive": y[t - 1],  # 朴素：上一小时的值
    "snaive24": y[t - 24],  # 季节朴素：昨天同一小时
    "snaive168": y[t - 168],  # 季节朴素：上周同一小时，往回看到了验证段（过去本来就已知）
    "train_mean": torch.full_like(truth, y[:n_train].mean().item()),  # 训练段均值
}
print(f"测试目标：{len(truth)} 个（t = {t[0]} … {t[-1]}）")
print(f"{'method':<12}{'MAE':>8}{'RMSE':>8}")
for name, pred in forecasts.items():
    print(f"{name:<12}{mae(pred, truth):>8.3f}{rmse(pred, truth):>8.3f}")

# 上周同一小时为什么反而不如昨天：一周里趋势抬高了 0.002 × 168
bias = (truth - y[t - 168]).mean()
print(f"snaive168 的平均偏差：{bias:.3f}，趋势一周的涨幅：{0.002 * 168:.3f}")
