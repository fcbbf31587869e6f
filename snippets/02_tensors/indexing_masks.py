"""索引与切片：整数下标、切片、省略号，以及布尔掩码（mask）和按掩码赋值。"""

import torch

x = torch.arange(1, 13).reshape(3, 4)
print("x:")
print(x)

# 基本索引：和 Python 列表、NumPy 一样，从 0 开始，支持负数
print("x[0]      第 0 行：   ", x[0])
print("x[1, 2]   单个元素：  ", x[1, 2], "->", x[1, 2].item())
print("x[-1]     最后一行：  ", x[-1])
print("x[:, 1]   第 1 列：   ", x[:, 1])
print("x[:2, 1:3] 子矩阵：")
print(x[:2, 1:3])
print("x[:, ::2] 隔一列取一列：")
print(x[:, ::2])

# 用整数下标会去掉那一维；用长度为 1 的切片会保留
print("x[:, 1] 形状", tuple(x[:, 1].shape), " x[:, 1:2] 形状", tuple(x[:, 1:2].shape))

# 省略号 ... 代表中间所有的维度，None 插入新维度
t = torch.zeros(2, 3, 4, 5)
print("省略号取最后一维的第 0 个，形状：", tuple(t[..., 0].shape))
print("t[:, None] 在第 1 维插入新维度，形状：", tuple(t[:, None].shape))

# 切片得到的是视图，修改会影响原张量
first_row = x[0]
first_row[0] = 100
print("修改切片后 x[0, 0] =", x[0, 0].item())
x[0, 0] = 1  # 改回来

# 布尔掩码：形状相同的 True/False 张量，取出所有 True 位置的元素（结果是一维）
mask = x % 2 == 0
print("mask = x % 2 == 0:")
print(mask)
print("x[mask] 所有偶数：", x[mask])
print("多个条件用 & | ~，记得加括号：", x[(x > 3) & (x < 8)])

# 按掩码赋值：原地修改满足条件的元素
y = x.clone()  # 先复制一份，不动 x
y[y > 8] = 0
print("把大于 8 的元素置 0：")
print(y)

# torch.where：按条件从两个来源里挑，返回新张量，不修改原张量
print("where(x > 6, x, -1):")
print(torch.where(x > 6, x, -1))
# 按行掩码：挑出行和大于 20 的行
print("行和大于 20 的行：")
print(x[x.sum(dim=1) > 20])
