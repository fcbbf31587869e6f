import math

import torch
from torch.nn import functional as F

torch.manual_seed(0)


def attention(q, k, v, mask=None):
    """缩放点积注意力：softmax(Q K^T / sqrt(d)) V。mask 为 True 的位置可以被看到。"""
    d = q.size(-1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)  # (..., 查询数, 键数)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))  # 看不到的位置在 softmax 后权重为 0
    weights = scores.softmax(dim=-1)  # 每个查询对所有键的权重之和为 1
    return weights @ v, weights


batch, heads, seq_len, head_dim = 2, 4, 5, 8
q, k, v = (torch.randn(batch, heads, seq_len, head_dim) for _ in range(3))

out, weights = attention(q, k, v)
ref = F.scaled_dot_product_attention(q, k, v)
print("输出形状：", tuple(out.shape), "权重形状：", tuple(weights.shape))
print("与 F.scaled_dot_product_attention 一致：", torch.allclose(out, ref, atol=1e-6))
print("每行权重之和都是 1：", torch.allclose(weights.sum(-1), torch.ones(batch, heads, seq_len)))

# 因果掩码：第 i 个位置只能看到 0..i，下三角为 True
causal = torch.tril(torch.ones(seq_len, seq_len, dtype=torch.bool))
print("因果掩码：")
print(causal.int())
out_c, weights_c = attention(q, k, v, mask=causal)
ref_c = F.scaled_dot_product_attention(q, k, v, is_causal=True)
print("因果注意力一致：", torch.allclose(out_c, ref_c, atol=1e-6))
torch.set_printoptions(precision=2)
print("第 0 个样本、第 0 个头的注意力权重：")
print(weights_c[0, 0])

# 验证因果性：改动最后一个位置的输入，前面位置的输出不受影响
k2, v2 = k.clone(), v.clone()
k2[:, :, -1] += 10.0
v2[:, :, -1] += 10.0
out_c2, _ = attention(q, k2, v2, mask=causal)
print("改最后一个位置后，前 4 个位置的输出不变：", torch.equal(out_c2[:, :, :-1], out_c[:, :, :-1]))
print("最后一个位置的输出变了：", not torch.allclose(out_c2[:, :, -1], out_c[:, :, -1]))

# 为什么要除以 sqrt(d)：d 越大，点积的方差越大，softmax 越接近独热
for d in (4, 64, 1024):
    a, b = torch.randn(10000, d), torch.randn(10000, d)
    dots = (a * b).sum(-1)
    print(
        f"d={d:4d}：点积标准差 {dots.std():6.1f}，除以 sqrt(d) 后 {(dots / math.sqrt(d)).std():.2f}"
    )
