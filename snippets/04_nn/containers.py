from itertools import pairwise

import torch
from torch import nn

torch.manual_seed(0)


def count(module: nn.Module) -> int:
    return sum(p.numel() for p in module.parameters())


# 1) Sequential：按顺序串起来，forward 自动生成
seq = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
print("Sequential 参数量：", count(seq), " seq[0]:", seq[0])
print("Sequential 输出形状：", tuple(seq(torch.randn(5, 4)).shape))


# 2) ModuleList：像列表一样存放子模块，forward 自己写（可以加循环、残差、条件）
class MLPWithModuleList(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in pairwise(sizes))

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.relu(x)
        return x


# 3) 错误写法：普通 Python 列表，nn.Module 看不见里面的层
class MLPWithPlainList(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.layers = [nn.Linear(a, b) for a, b in pairwise(sizes)]

    def forward(self, x):
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.relu(x)
        return x


sizes = [4, 8, 8, 2]
good = MLPWithModuleList(sizes)
bad = MLPWithPlainList(sizes)
x = torch.randn(5, 4)
print("两者都能前向传播：", tuple(good(x).shape), tuple(bad(x).shape))
print("ModuleList 版参数量：", count(good))
print("普通 list 版参数量：", count(bad), "<- 优化器拿不到任何参数")
print("普通 list 版 state_dict 键：", list(bad.state_dict().keys()))


# 4) ModuleDict：按名字挑选子模块，例如多任务的不同输出头
class MultiHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Linear(4, 8)
        self.heads = nn.ModuleDict({"cls": nn.Linear(8, 3), "reg": nn.Linear(8, 1)})

    def forward(self, x, task: str):
        return self.heads[task](torch.relu(self.backbone(x)))


mh = MultiHead()
print("分类头输出形状：", tuple(mh(x, "cls").shape), " 回归头输出形状：", tuple(mh(x, "reg").shape))
print("ModuleDict 的 state_dict 键：", list(mh.state_dict().keys()))
