import torch
from torch import nn

torch.manual_seed(0)

# 一个为 28×28 灰度图写的小网络：卷积之后展平，再接全连接层
features = nn.Sequential(nn.Conv2d(1, 4, kernel_size=3), nn.ReLU(), nn.MaxPool2d(2))
head = nn.Linear(4 * 14 * 14, 10)  # 错误：以为池化后还是 14×14，忘了卷积先把 28 变成 26
x = torch.randn(8, 1, 28, 28)

try:
    h = features(x).flatten(1)
    head(h)
except RuntimeError as e:
    print(f"{type(e).__name__}：{str(e).splitlines()[0]}")

# 排查：打印每一步的形状，真实的特征数一目了然
h = features(x)
print("卷积部分输出形状：", tuple(h.shape))
print("展平后的形状：", tuple(h.flatten(1).shape))

# 修正一：按真实形状写 in_features
head = nn.Linear(h.flatten(1).shape[1], 10)
print("修正后输出形状：", tuple(head(h.flatten(1)).shape))

# 修正二：让 nn.LazyLinear 在第一次前向时自己推断 in_features
lazy_head = nn.LazyLinear(10)
lazy_head(h.flatten(1))
print("LazyLinear 推断出的 in_features：", lazy_head.in_features)
