import math

import torch

x = torch.arange(10.0)
print("原序列：", x.tolist())

# unfold(维度, 窗口长度 size, 步幅 step)：沿这一维每隔 step 取一个长 size 的窗口
w = x.unfold(0, 4, 1)
print("size=4, step=1 ->", tuple(w.shape))
print(w[:3])
print("size=4, step=3 ->", x.unfold(0, 4, 3).tolist())

# 窗口是原序列的视图：不复制数据，只是换了一种步幅去读同一块内存
print("步幅：", w.stride(), "与原序列共享内存：", w.data_ptr() == x.data_ptr())
x[5] = 100.0
print("改了 x[5] 之后，包含它的窗口：", w[2:6, :].tolist())


def make_series(n=2016, seed=0):
    """每小时一个点，共 12 周：趋势 + 日周期 + 周周期 + 白天更大的噪声。"""
    g = torch.Generator().manual_seed(seed)
    t = torch.arange(n, dtype=torch.float32)
    daily = torch.sin(2 * math.pi * t / 24)
    weekly = 0.5 * torch.sin(2 * math.pi * t / 168)
    noise = (0.25 + 0.15 * daily) * torch.randn(n, generator=g)
    return 0.002 * t + daily + weekly + noise


y = make_series()
lookback, horizon = 48, 1  # 用过去 48 小时预测下 1 小时
windows = y.unfold(0, lookback + horizon, 1)
inputs, targets = windows[:, :lookback], windows[:, lookback:]
print("窗口：", tuple(windows.shape), "输入：", tuple(inputs.shape), "目标：", tuple(targets.shape))
print(f"第 0 个窗口的目标就是 y[48]：{torch.equal(targets[0, 0], y[48])}")

# 和 Python 循环逐个切片的结果逐位相同
loop = torch.stack([y[i : i + lookback + horizon] for i in range(len(y) - lookback)])
print("与循环切片一致：", torch.equal(loop, windows))
print(
    f"视图不占新内存；循环版复制了 {loop.numel()} 个数，是原序列的 {loop.numel() / y.numel():.0f} 倍"
)
print(
    "输入是连续的吗：",
    inputs.is_contiguous(),
    "-> .contiguous() 之后：",
    inputs.contiguous().is_contiguous(),
)
