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


def make_windows(segment, lookback, horizon):
    """只在一段内部切窗口：窗口不会跨过这段的边界。"""
    w = segment.unfold(0, lookback + horizon, 1)
    return w[:, :lookback], w[:, lookback:]


y = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)
lookback = 48
t = torch.arange(n)  # 每个点的时间下标，用来检查窗口落在哪里

# 1. 按时间切：先切序列，再在每一段里切窗口
for name, lo, hi in [("训练", 0, n_train), ("验证", n_train, n_val), ("测试", n_val, n)]:
    x_idx, y_idx = make_windows(t[lo:hi], lookback, 1)
    print(
        f"{name}：{len(x_idx)} 个窗口，输入下标 [{x_idx.min()}, {x_idx.max()}]，目标下标 [{y_idx.min()}, {y_idx.max()}]"
    )
print(f"每条边界丢掉 {lookback} 个窗口：它们会横跨两段")

# 2. 随机切：先在整条序列上切出全部窗口，再随机打乱分配
x_all, y_all = make_windows(t, lookback, 1)
perm = torch.randperm(len(x_all), generator=torch.Generator().manual_seed(0))
n_hold = int(len(x_all) * 0.3)
hold, train = perm[:n_hold], perm[n_hold:]
seen = torch.zeros(n, dtype=torch.bool)
seen[x_all[train].flatten()] = True  # 训练窗口输入里出现过的时间点
leaked = seen[y_all[hold, 0]].float().mean()
print(f"随机切分：留出窗口的目标值在训练输入里出现过的比例 {leaked:.1%}")

# 3. 作弊查表：留出窗口 i 的答案，就是训练窗口 i+1 输入的最后一个值
values_x, values_y = make_windows(y, lookback, 1)
in_train = torch.zeros(len(x_all), dtype=torch.bool)
in_train[train] = True
nxt = (hold + 1).clamp(max=len(x_all) - 1)
found = in_train[nxt] & (hold + 1 < len(x_all))
cheat = torch.where(found, values_x[nxt, -1], values_x[hold, -1])  # 查不到就退回上一时刻的值
print(f"查表能直接找到答案的留出窗口：{found.float().mean():.1%}")
print(f"作弊查表的 MAE：{(cheat - values_y[hold, 0]).abs().mean():.3f}")
print(f"诚实的上一时刻预测的 MAE：{(values_x[hold, -1] - values_y[hold, 0]).abs().mean():.3f}")
