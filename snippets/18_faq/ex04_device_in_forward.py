import torch
from torch import nn


class BuggyPad(nn.Module):
    def forward(self, x):
        pad = torch.zeros(x.shape[0], 2)  # bug：新张量默认建在 CPU 上
        return torch.cat([x, pad], dim=1)


class FixedPad(nn.Module):
    def forward(self, x):
        pad = torch.zeros(x.shape[0], 2, device=x.device, dtype=x.dtype)  # 跟随输入的设备和 dtype
        return torch.cat([x, pad], dim=1)


# 在 CPU 上一切正常，bug 藏得很深；用 meta 设备模拟另一台设备就能暴露它
x = torch.randn(3, 4)
print("CPU 上的输出形状：", tuple(BuggyPad()(x).shape))

x_other = x.to("meta")
try:
    BuggyPad()(x_other)
except RuntimeError as e:
    print(f"{type(e).__name__}：{str(e).splitlines()[0]}")

out = FixedPad()(x_other)
print("修正后：", tuple(out.shape), out.device)
