import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
d_model, n_heads, batch, seq_len = 16, 4, 2, 6
mha = nn.MultiheadAttention(d_model, n_heads, batch_first=True)
x = torch.randn(batch, seq_len, d_model)
can_see = torch.tril(torch.ones(seq_len, seq_len, dtype=torch.bool))  # True 表示可以看

# nn.MultiheadAttention 的布尔 attn_mask 约定相反：True 表示“不许看”，所以要取反
ref, _ = mha(x, x, x, attn_mask=~can_see, need_weights=False)


def my_multihead(x, mha, mask, use_sdpa=False):
    b, t, d = x.shape
    h = mha.num_heads
    # in_proj_weight 把 Q、K、V 三个投影矩阵按行叠在一起：(3d, d)
    q, k, v = F.linear(x, mha.in_proj_weight, mha.in_proj_bias).chunk(3, dim=-1)
    q, k, v = (z.view(b, t, h, d // h).transpose(1, 2) for z in (q, k, v))
    if use_sdpa:
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)  # 这里 True 表示可以看
    else:
        scores = q @ k.transpose(-2, -1) / (d // h) ** 0.5
        y = scores.masked_fill(~mask, float("-inf")).softmax(-1) @ v
    return mha.out_proj(y.transpose(1, 2).reshape(b, t, d))


print("in_proj_weight 形状：", tuple(mha.in_proj_weight.shape))
print(
    "手写版与 nn.MultiheadAttention 一致：",
    torch.allclose(my_multihead(x, mha, can_see), ref, atol=1e-6),
)
print(
    "SDPA 版也一致：", torch.allclose(my_multihead(x, mha, can_see, use_sdpa=True), ref, atol=1e-6)
)
wrong, _ = mha(x, x, x, attn_mask=can_see, need_weights=False)  # 忘了取反：只能看未来
print("掩码方向弄反时还一致吗：", torch.allclose(wrong, ref, atol=1e-6))
