import torch
from torch import nn
from torch.utils.flop_counter import FlopCounterMode

torch.manual_seed(0)

conv = nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)
x = torch.randn(8, 3, 32, 32)

with FlopCounterMode(display=False) as counter:
    out = conv(x)
counted = counter.get_total_flops()

# 每个输出元素要做 C_in·k·k 次乘加，一次乘加记 2 FLOPs（偏置不计）
n, c_out, h_out, w_out = out.shape
by_hand = 2 * n * c_out * h_out * w_out * 3 * 3 * 3
print("输出形状：", tuple(out.shape))
print(f"FlopCounterMode：{counted:,}  手算：{by_hand:,}  一致：{counted == by_hand}")

# 步幅 1 时输出变成 4 倍大，计算量也变成 4 倍
conv1 = nn.Conv2d(3, 16, kernel_size=3, stride=1, padding=1)
with FlopCounterMode(display=False) as counter:
    conv1(x)
print(
    f"步幅 1：{counter.get_total_flops():,}，是步幅 2 的 {counter.get_total_flops() / counted:.0f} 倍"
)
