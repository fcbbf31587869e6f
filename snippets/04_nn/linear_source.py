import inspect
import math

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

# 直接读已安装的 PyTorch 里 nn.Linear 的源码
print(inspect.getsource(nn.Linear.forward))
print(inspect.getsource(nn.Linear.reset_parameters))

# 验证一：forward 就是 F.linear，也就是 x @ W.T + b
layer = nn.Linear(in_features=50, out_features=200)
x = torch.randn(3, 50)
manual = x @ layer.weight.T + layer.bias
print("layer(x) 与 x @ W.T + b 一致：", torch.allclose(layer(x), manual))
print(
    "layer(x) 与 F.linear 完全相同：", torch.equal(layer(x), F.linear(x, layer.weight, layer.bias))
)

# 验证二：kaiming_uniform_(a=sqrt(5)) 等价于 U(-1/sqrt(fan_in), 1/sqrt(fan_in))
fan_in = layer.in_features
bound = 1 / math.sqrt(fan_in)
# kaiming_uniform 的上界是 gain * sqrt(3 / fan_in)，leaky_relu 的 gain = sqrt(2 / (1 + a^2))
a = math.sqrt(5)
kaiming_bound = math.sqrt(2 / (1 + a**2)) * math.sqrt(3 / fan_in)
print(f"1/sqrt(fan_in) = {bound:.4f}，kaiming 公式给出的上界 = {kaiming_bound:.4f}")
print(f"权重实际范围：[{layer.weight.min().item():.4f}, {layer.weight.max().item():.4f}]")
print(f"偏置实际范围：[{layer.bias.min().item():.4f}, {layer.bias.max().item():.4f}]")

# 再次调用 reset_parameters 会重新随机初始化（就地修改同一个 Parameter 对象）
before = layer.weight.clone()
layer.reset_parameters()
print("reset_parameters 之后权重变了：", not torch.equal(before, layer.weight))
