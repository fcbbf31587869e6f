import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)

batch, d_in, d_hidden, d_out = 64, 784, 256, 10
model = nn.Sequential(nn.Linear(d_in, d_hidden), nn.ReLU(), nn.Linear(d_hidden, d_out))
x = torch.randn(batch, d_in)
y = torch.randint(0, d_out, (batch,))

# 只数前向
with FlopCounterMode(display=False) as counter:
    model(x)
forward = counter.get_total_flops()

# 前向 + 反向（一次完整的训练步，不含优化器更新）
with FlopCounterMode(display=False) as counter:
    nn.functional.cross_entropy(model(x), y).backward()
total = counter.get_total_flops()

# 手算：矩阵乘 (B, in) @ (in, out) 需要 B·in·out 次乘法和同样多次加法
by_hand = 2 * batch * (d_in * d_hidden + d_hidden * d_out)
print(f"前向 FLOPs：{forward:,}  手算：{by_hand:,}")
print(f"前向 + 反向 FLOPs：{total:,}  是前向的 {total / forward:.2f} 倍")

# 按模块、按算子查看（get_flop_counts 返回 {模块名: {算子: FLOPs}}）
counts = counter.get_flop_counts()
for name in ("Sequential.0", "Sequential.2"):
    print(name, {str(op): f for op, f in sorted(counts[name].items(), key=str)})

# 输入也需要梯度时（比如它来自前面的层），第一层还要多算一次对输入的梯度
with FlopCounterMode(display=False) as counter:
    nn.functional.cross_entropy(model(x.requires_grad_()), y).backward()
print(f"输入也求梯度：前向 + 反向是前向的 {counter.get_total_flops() / forward:.2f} 倍")
