import math

import torch

g = torch.Generator().manual_seed(0)
T = 24 * 14  # 两周，每小时一个点
t = torch.arange(T, dtype=torch.float32)
temp = 10 + 5 * torch.sin(2 * math.pi * (t - 6) / 24) + torch.randn(T, generator=g)  # 气温
load = 2 + torch.sin(2 * math.pi * t / 24) + 0.05 * temp  # 负荷，受气温影响
series = torch.stack([load, temp])  # (通道 C=2, 时间 T)
print("多变量序列：", tuple(series.shape))

lookback, horizon, step = 48, 24, 24  # 每天零点做一次预测：窗口之间隔 24 小时
w = series.unfold(1, lookback + horizon, step)  # (C, 窗口数, lookback + horizon)
w = w.permute(1, 0, 2)  # (窗口数, C, lookback + horizon)：Conv1d 要的 (N, C, L) 布局
print("窗口：", tuple(w.shape), "步幅：", w.stride())

x_past = w[:, :, :lookback]  # 两个通道的过去 48 小时
x_future_temp = w[:, 1, lookback:]  # 未来 24 小时的气温：假设有天气预报，预测时已知
target = w[:, 0, lookback:]  # 只预测负荷
print(
    "输入：",
    tuple(x_past.shape),
    "已知的未来气温：",
    tuple(x_future_temp.shape),
    "目标：",
    tuple(target.shape),
)

# 用循环逐个切片核对
starts = range(0, T - lookback - horizon + 1, step)
loop = torch.stack([series[:, s : s + lookback + horizon] for s in starts])
print("与循环切片一致：", torch.equal(loop, w), "窗口起点：", list(starts))
