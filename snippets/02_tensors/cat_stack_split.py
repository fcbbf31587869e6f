"""拼接与拆分：cat 沿已有维度接起来，stack 新建一个维度叠起来；chunk / split 反过来拆开。"""

import torch

a = torch.tensor([[1, 2, 3], [4, 5, 6]])  # (2, 3)
b = torch.tensor([[7, 8, 9], [10, 11, 12]])  # (2, 3)

c0 = torch.cat([a, b], dim=0)
c1 = torch.cat([a, b], dim=1)
print("cat dim=0 ->", tuple(c0.shape))
print(c0)
print("cat dim=1 ->", tuple(c1.shape))
print(c1)

s0 = torch.stack([a, b], dim=0)
s2 = torch.stack([a, b], dim=2)
print("stack dim=0 ->", tuple(s0.shape), " stack dim=2 ->", tuple(s2.shape))
print("s0[1] 就是 b：", torch.equal(s0[1], b))

# cat 只要求拼接维以外的维度相同；stack 要求形状完全相同
row = torch.tensor([[0, 0, 0]])  # (1, 3)
print("cat 不同行数：", tuple(torch.cat([a, row], dim=0).shape))
try:
    torch.stack([a, row])
except RuntimeError as err:
    print("stack 形状不同报错：", type(err).__name__)

# chunk 按份数拆，split 按每份大小拆
x = torch.arange(10)
print("chunk(3):     ", [t.tolist() for t in x.chunk(3)])
print("arange(6).chunk(4) 只得到", len(torch.arange(6).chunk(4)), "份")
print("split(4):     ", [t.tolist() for t in x.split(4)])
print("split([2, 3, 5]):", [t.tolist() for t in x.split([2, 3, 5])])

# 沿 dim=1 拆：比如把 (2, 6) 的特征拆成前后两半
features = torch.arange(12).reshape(2, 6)
left, right = features.chunk(2, dim=1)
print("left:")
print(left)
print("right:")
print(right)
# unbind 沿某维拆成一个个切片（去掉那一维），相当于 stack 的逆操作
print(
    "unbind(s0, dim=0) 得到", len(s0.unbind(0)), "个形状为", tuple(s0.unbind(0)[0].shape), "的张量"
)
