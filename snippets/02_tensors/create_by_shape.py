"""按形状创建张量：常量填充、等差序列、单位矩阵、随机数和 *_like 系列。"""

import torch

torch.manual_seed(0)  # 固定随机数种子，每次运行结果相同

# 常量填充：形状可以写成多个整数，也可以写成一个元组
print("zeros(2, 3):")
print(torch.zeros(2, 3))
print("ones((2, 3)) 指定 int64：")
print(torch.ones((2, 3), dtype=torch.int64))
print("full((2, 2), 7.0):")
print(torch.full((2, 2), 7.0))
print("eye(3) 单位矩阵：")
print(torch.eye(3))

# 序列：arange 给步长（不含终点），linspace 给个数（含终点）
print("arange(0, 10, 3):  ", torch.arange(0, 10, 3))
print("arange(0.0, 1.0, 0.25):", torch.arange(0.0, 1.0, 0.25))
print("linspace(0, 1, 5): ", torch.linspace(0, 1, 5))

# 随机数：rand 是 [0, 1) 均匀分布，randn 是标准正态分布
print("rand(2, 3):")
print(torch.rand(2, 3))
print("randn(2, 3):")
print(torch.randn(2, 3))
print("randint(0, 10, (6,)):", torch.randint(0, 10, (6,)))

# *_like：照着另一个张量的形状、dtype、device 创建
template = torch.tensor([[1, 2, 3], [4, 5, 6]])
z = torch.zeros_like(template)
print("zeros_like:", z.shape, z.dtype)
r = torch.rand_like(template, dtype=torch.float32)  # rand_like 只能产生浮点数，要指定浮点 dtype
print("rand_like:", r.shape, r.dtype)
f = torch.full_like(template, -1)
print("full_like:")
print(f)

# empty 只分配内存不初始化，里面是残留的任意值，所以这里只看形状
e = torch.empty(2, 4)
print("empty 的形状：", e.shape)
