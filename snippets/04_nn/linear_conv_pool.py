import torch
from torch import nn

torch.manual_seed(0)

# nn.Linear 只作用在最后一维，前面的维度（批次、序列长度……）原样保留
linear = nn.Linear(in_features=16, out_features=4)
print("Linear 权重形状 (out, in)：", tuple(linear.weight.shape))
for shape in [(16,), (8, 16), (8, 10, 16)]:
    print(f"  输入 {shape!s:<12} -> 输出 {tuple(linear(torch.randn(shape)).shape)}")


def conv_out(size: int, k: int, s: int = 1, p: int = 0, d: int = 1) -> int:
    """卷积/池化输出边长公式：floor((size + 2p - d*(k-1) - 1) / s) + 1。"""
    return (size + 2 * p - d * (k - 1) - 1) // s + 1


# Conv2d 的输入是 (N, C, H, W)；比较公式和真实输出
x = torch.randn(1, 3, 32, 32)
configs = [
    dict(kernel_size=3, stride=1, padding=0),
    dict(kernel_size=3, stride=1, padding=1),  # same 卷积：尺寸不变
    dict(kernel_size=3, stride=2, padding=1),  # 尺寸减半
    dict(kernel_size=5, stride=1, padding=2),
    dict(kernel_size=3, stride=1, padding=2, dilation=2),  # 空洞卷积
]
print("Conv2d(3 -> 8)，输入 32x32：")
for cfg in configs:
    conv = nn.Conv2d(3, 8, **cfg)
    y = conv(x)
    k, s, p = cfg["kernel_size"], cfg["stride"], cfg["padding"]
    d = cfg.get("dilation", 1)
    print(f"  k={k} s={s} p={p} d={d}：实际 {tuple(y.shape)}，公式 {conv_out(32, k, s, p, d)}")

conv = nn.Conv2d(3, 8, kernel_size=3)
print("Conv2d 权重形状 (out_c, in_c, kH, kW)：", tuple(conv.weight.shape))
print("Conv2d 参数量：", sum(p.numel() for p in conv.parameters()), "= 8*3*3*3 + 8")

# 池化没有参数，只在每个通道内部下采样
feat = torch.arange(16.0).reshape(1, 1, 4, 4)
print("输入特征图：\n", feat[0, 0])
print("MaxPool2d(2):\n", nn.MaxPool2d(2)(feat)[0, 0])
print("AvgPool2d(2):\n", nn.AvgPool2d(2)(feat)[0, 0])
# 自适应池化：指定输出大小，不管输入多大
print(
    "AdaptiveAvgPool2d(1) 输出形状：", tuple(nn.AdaptiveAvgPool2d(1)(torch.randn(2, 8, 7, 9)).shape)
)
print("池化层参数量：", sum(p.numel() for p in nn.MaxPool2d(2).parameters()))
