"""从 Python 数据和 NumPy 数组创建张量，观察 dtype 是怎么推断出来的。"""

import numpy as np
import torch

# torch.tensor 会复制数据，并根据内容推断 dtype
ints = torch.tensor([1, 2, 3])
floats = torch.tensor([1.0, 2.0, 3.0])
bools = torch.tensor([True, False, True])
mixed = torch.tensor([1, 2.5, 3])  # 只要有一个浮点数，整个张量就是浮点
nested = torch.tensor([[1, 2], [3, 4]])  # 嵌套列表 -> 二维张量

print("整数列表     ->", ints.dtype)
print("浮点列表     ->", floats.dtype)
print("布尔列表     ->", bools.dtype)
print("整数混浮点   ->", mixed.dtype, mixed)
print("嵌套列表形状 ->", nested.shape)

# 浮点数默认是 float32，这个默认值可以查询
print("默认浮点类型：", torch.get_default_dtype())

# 显式指定 dtype，比依赖推断更清楚
labels = torch.tensor([0, 1, 1], dtype=torch.long)
weights = torch.tensor([1, 2, 3], dtype=torch.float32)
print("显式指定：", labels.dtype, weights.dtype)

# NumPy 的默认浮点是 float64，转换时会原样保留
arr = np.array([0.5, 1.5])
print("NumPy 数组 dtype：", arr.dtype)
print("torch.from_numpy ->", torch.from_numpy(arr).dtype)
print("torch.tensor     ->", torch.tensor(arr).dtype)
print("再转成 float32   ->", torch.tensor(arr, dtype=torch.float32).dtype)

# 0 维张量（标量）与 .item()
scalar = torch.tensor(3.14)
print("标量张量：", scalar, "形状：", scalar.shape, "取出 Python 数：", scalar.item())
