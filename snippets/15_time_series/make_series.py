import math

import matplotlib.pyplot as plt
import torch


def make_series(n=2016, seed=0):
    """每小时一个点，共 12 周：趋势 + 日周期 + 周周期 + 白天更大的噪声。"""
    g = torch.Generator().manual_seed(seed)
    t = torch.arange(n, dtype=torch.float32)
    trend = 0.002 * t
    daily = torch.sin(2 * math.pi * t / 24)  # 周期 24 小时
    weekly = 0.5 * torch.sin(2 * math.pi * t / 168)  # 周期 168 小时（一周）
    noise = (0.25 + 0.15 * daily) * torch.randn(n, generator=g)  # 日周期高处噪声更大
    return trend + daily + weekly + noise, (trend, daily, weekly, noise)


y, parts = make_series()
n = len(y)
n_train, n_val = int(n * 0.70), int(n * 0.85)  # 前 70% 训练，接着 15% 验证，最后 15% 测试
print(f"序列长度：{n} 小时（{n // 168} 周），dtype {y.dtype}")
for name, part in zip(["趋势", "日周期", "周周期", "噪声"], parts, strict=True):
    print(f"{name}：标准差 {part.std():.3f}")
print(f"噪声的平均绝对值：{parts[3].abs().mean():.3f}（任何预测都消除不了的误差）")
print(f"切分点：训练 [0, {n_train})，验证 [{n_train}, {n_val})，测试 [{n_val}, {n})")
for name, seg in [("训练", y[:n_train]), ("验证", y[n_train:n_val]), ("测试", y[n_val:])]:
    print(f"{name}段：{len(seg)} 点，均值 {seg.mean():.2f}")

fig, axes = plt.subplots(2, 1, figsize=(10, 6))
axes[0].plot(y, lw=0.6, color="tab:blue")
axes[0].axvspan(n_train, n_val, color="tab:orange", alpha=0.2, label="validation")
axes[0].axvspan(n_val, n, color="tab:green", alpha=0.2, label="test")
axes[0].set(xlabel="hour", ylabel="value", title="Whole series and the time split")
axes[0].legend(loc="upper left")
axes[1].plot(y[:336], lw=1.0, label="series")
axes[1].plot((parts[0] + parts[1] + parts[2])[:336], lw=1.5, label="trend + seasonality")
axes[1].set(xlabel="hour", ylabel="value", title="First two weeks")
axes[1].legend(loc="upper left")
fig.tight_layout()
plt.savefig("series_overview.png", dpi=100)
