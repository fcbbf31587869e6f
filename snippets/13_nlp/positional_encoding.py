import math

import matplotlib.pyplot as plt
import torch
from torch.nn import functional as F

torch.manual_seed(0)

# 1) 没有位置信息时，自注意力对输入顺序“视而不见”：打乱输入，输出只是跟着同样打乱
x = torch.randn(1, 6, 16)  # (批次, 序列长度, 维度)
perm = torch.tensor([3, 0, 5, 1, 4, 2])
out = F.scaled_dot_product_attention(x, x, x)
out_perm = F.scaled_dot_product_attention(x[:, perm], x[:, perm], x[:, perm])
print("打乱输入 = 打乱输出：", torch.allclose(out[:, perm], out_perm, atol=1e-6))


def sinusoidal_encoding(max_len, d_model):
    """正弦位置编码：偶数维用 sin，奇数维用 cos，频率随维度按几何级数变慢。"""
    pos = torch.arange(max_len).unsqueeze(1)  # (max_len, 1)
    freq = torch.exp(-math.log(10000.0) * torch.arange(0, d_model, 2) / d_model)  # (d_model/2,)
    pe = torch.zeros(max_len, d_model)
    pe[:, 0::2] = torch.sin(pos * freq)
    pe[:, 1::2] = torch.cos(pos * freq)
    return pe


pe = sinusoidal_encoding(max_len=64, d_model=32)
print("位置编码形状：", tuple(pe.shape), "取值都在 [-1, 1] 内：", bool(pe.abs().max() <= 1))
print("加上位置编码后，打乱输入 ≠ 打乱输出：", end=" ")
y = x + pe[:6, :16]
y_shuffled = x[:, perm] + pe[:6, :16]  # 位置编码按位置加，不跟着词元走
out_y = F.scaled_dot_product_attention(y, y, y)
out_y_perm = F.scaled_dot_product_attention(y_shuffled, y_shuffled, y_shuffled)
print(not torch.allclose(out_y[:, perm], out_y_perm, atol=1e-3))

# 2) 两个位置编码的点积只取决于它们相隔多远，与绝对位置无关
for offset in (1, 5, 20):
    dots = [(pe[p] @ pe[p + offset]).item() for p in (0, 10, 30)]
    print(f"相隔 {offset:2d}：", "  ".join(f"{d:.3f}" for d in dots))

# 3) 画图：左边是整张编码表，右边是几个维度随位置的变化
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.6))
im = ax1.imshow(pe.T, aspect="auto", cmap="RdBu", vmin=-1, vmax=1, origin="lower")
ax1.set_xlabel("position")
ax1.set_ylabel("dimension")
ax1.set_title("sinusoidal positional encoding")
fig.colorbar(im, ax=ax1)
for dim in (0, 4, 10, 20):
    ax2.plot(pe[:, dim], label=f"dim {dim}")
ax2.set_xlabel("position")
ax2.set_ylabel("value")
ax2.set_title("low dims change fast, high dims slowly")
ax2.legend(loc="lower left", fontsize=8)
fig.tight_layout()
plt.savefig("positional_encoding.png", dpi=100)
print("图已保存：positional_encoding.png")
