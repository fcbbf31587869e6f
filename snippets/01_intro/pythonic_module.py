"""Pythonic 的 API：模型就是普通的 Python 类，forward 就是普通的 Python 方法。"""

from itertools import pairwise

import torch
from torch import nn

torch.manual_seed(0)


class TinyNet(nn.Module):
    def __init__(self, sizes: list[int]):
        super().__init__()
        # 用列表推导式按配置搭出若干层；ModuleList 让 PyTorch 认得这些子模块
        self.layers = nn.ModuleList(nn.Linear(i, o) for i, o in pairwise(sizes))

    def forward(self, x: torch.Tensor, verbose: bool = False) -> torch.Tensor:
        for i, layer in enumerate(self.layers):
            x = layer(x)
            if i < len(self.layers) - 1:
                x = torch.relu(x)
            if verbose:  # 调试时直接 print，不需要任何特殊工具
                print(f"  第 {i} 层输出形状 {tuple(x.shape)}, 均值 {x.mean().item():+.4f}")
        return x


net = TinyNet([4, 8, 8, 2])
x = torch.randn(3, 4)  # 3 个样本，每个 4 个特征

print("逐层查看前向传播：")
y = net(x, verbose=True)
assert y.shape == (3, 2), "普通的 assert 也能用来检查形状"

# 参数也只是 Python 对象，可以用循环和 sum 统计
n_params = sum(p.numel() for p in net.parameters())
print("参数总数：", n_params)
for name, p in net.named_parameters():
    print(f"  {name:<16} {tuple(p.shape)}")
print("输出：")
print(y.detach())
