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


y = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)
train, test = y[:n_train], y[n_val:]

# 正确做法：统计量只从训练段算，再原样用到验证段、测试段
mu, sd = train.mean(), train.std()
# 错误做法：在整条序列上算，验证段、测试段的信息混了进来
mu_all, sd_all = y.mean(), y.std()
print(f"只用训练段：均值 {mu:.3f}，标准差 {sd:.3f}")
print(f"用整条序列：均值 {mu_all:.3f}，标准差 {sd_all:.3f}")
print(
    f"测试段归一化后的均值：只用训练段 {((test - mu) / sd).mean():.2f}，用整条序列 {((test - mu_all) / sd_all).mean():.2f}"
)

# 统计量本身就是一个预测：永远预测均值
print(f"永远预测训练段均值，测试 MAE：{(test - mu).abs().mean():.3f}")
print(f"永远预测全序列均值，测试 MAE：{(test - mu_all).abs().mean():.3f}  <- 偷看了未来的水平")

# 最小-最大缩放：用整条序列拟合时，测试段被保证落在 [0, 1] 里
lo, hi = train.min(), train.max()
lo_all, hi_all = y.min(), y.max()
honest = (test - lo) / (hi - lo)
leaky = (test - lo_all) / (hi_all - lo_all)
print(
    f"min-max（只用训练段）：测试段范围 [{honest.min():.2f}, {honest.max():.2f}]，超过 1 的点 {(honest > 1).float().mean():.0%}"
)
print(
    f"min-max（整条序列）：测试段范围 [{leaky.min():.2f}, {leaky.max():.2f}]，超过 1 的点 {(leaky > 1).float().mean():.0%}"
)

# 模型输出要换回原来的单位再算指标
z = (y - mu) / sd
restored = z * sd + mu
print("归一化再还原，与原序列一致：", torch.allclose(restored, y, atol=1e-5))
