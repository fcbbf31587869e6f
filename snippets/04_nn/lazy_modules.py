"""惰性模块（lazy module）：第一次前向时才根据输入推断 in_features / in_channels。"""

import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(
    nn.LazyConv2d(8, kernel_size=3, padding=1),  # 不写输入通道数
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.LazyLinear(10),  # 不用手算展平后有多少维
)
print("前向之前的权重类型：", type(model[4].weight).__name__)
try:
    sum(p.numel() for p in model.parameters())
except ValueError as err:
    print("前向之前数不了参数：", str(err).split(" in ")[0])

# 用一批假数据跑一次前向：形状确定，参数被创建并初始化
x = torch.randn(2, 3, 16, 16)
print("输出形状：", tuple(model(x).shape))
print("第一次前向之后：", model[0], model[4], sep="\n  ")
print("参数量：", sum(p.numel() for p in model.parameters()))

# 先跑一次前向，再创建优化器；否则优化器拿到的是还没有形状的参数
opt = torch.optim.SGD(model.parameters(), lr=0.1)
print("优化器管理的参数个数：", len(opt.param_groups[0]["params"]))
