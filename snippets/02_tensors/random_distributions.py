"""画出 torch.rand 与 torch.randn 的样本直方图，对比两种常用的随机初始化。"""

import matplotlib

matplotlib.use("Agg")  # 不弹窗口，直接画到文件
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402

torch.manual_seed(0)
n = 10_000
uniform = torch.rand(n)  # [0, 1) 均匀分布
normal = torch.randn(n)  # 均值 0、标准差 1 的正态分布
scaled = torch.randn(n) * 0.5 + 2.0  # 平移缩放成均值 2、标准差 0.5

for name, t in [("rand", uniform), ("randn", normal), ("randn*0.5+2", scaled)]:
    print(
        f"{name:<12} 均值 {t.mean().item():6.3f}  标准差 {t.std().item():.3f}  "
        f"最小 {t.min().item():6.3f}  最大 {t.max().item():6.3f}"
    )

fig, ax = plt.subplots(figsize=(7, 3.5))
bins = torch.linspace(-4, 4, 81).tolist()
ax.hist(uniform.tolist(), bins=bins, alpha=0.6, label="torch.rand")
ax.hist(normal.tolist(), bins=bins, alpha=0.6, label="torch.randn")
ax.hist(scaled.tolist(), bins=bins, alpha=0.6, label="torch.randn * 0.5 + 2")
ax.set_xlabel("value")
ax.set_ylabel("count (of 10000 samples)")
ax.legend(loc="upper left")
fig.tight_layout()
fig.savefig("random_distributions.png", dpi=100)
print("已保存 random_distributions.png")
