"""逐元素乘（*）与矩阵乘（@）的区别，以及 matmul、mm、bmm、einsum 各自适合的场合。"""

import torch

torch.manual_seed(0)

a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
b = torch.tensor([[10.0, 20.0], [30.0, 40.0]])

print("a * b（逐元素乘，形状必须能广播）：")
print(a * b)
print("a @ b（矩阵乘，a 的列数 = b 的行数）：")
print(a @ b)
print("torch.matmul 与 @ 相同：", torch.equal(torch.matmul(a, b), a @ b))
print("torch.mm 结果也相同：  ", torch.equal(torch.mm(a, b), a @ b))

# 矩阵乘对形状的要求：(m, k) @ (k, n) -> (m, n)
w = torch.randn(3, 4)
x = torch.randn(4, 5)
print("(3, 4) @ (4, 5) ->", (w @ x).shape)

# 一维张量：@ 会把它当向量处理
v = torch.tensor([1.0, 1.0])
print("矩阵 @ 向量：", a @ v, "形状", tuple((a @ v).shape))
print("向量 @ 向量（点积）：", v @ v)

# 批量矩阵乘：第 0 维是批次，每个批次内部各做一次矩阵乘
xb = torch.randn(8, 2, 3)
yb = torch.randn(8, 3, 5)
print("bmm (8, 2, 3) x (8, 3, 5) ->", torch.bmm(xb, yb).shape)
# matmul 更灵活：批维可以广播，比如所有样本共用一个权重矩阵
print("matmul (8, 2, 3) @ (3, 5) ->", torch.matmul(xb, torch.randn(3, 5)).shape)
try:
    torch.mm(xb, yb)  # mm 只接受二维
except RuntimeError as err:
    print("mm 用在三维上报错：", type(err).__name__)

# einsum 用下标写出计算：相同字母相乘，不出现在箭头右边的字母求和
print(
    "einsum 'bij,bjk->bik' 与 bmm 一致：",
    torch.allclose(torch.einsum("bij,bjk->bik", xb, yb), torch.bmm(xb, yb)),
)
print("einsum 'ii->' 求迹：", torch.einsum("ii->", a))
print("einsum 'ij->ji' 转置：")
print(torch.einsum("ij->ji", a))
print("einsum 'i,j->ij' 外积：")
print(torch.einsum("i,j->ij", torch.tensor([1.0, 2.0]), torch.tensor([1.0, 10.0, 100.0])))
