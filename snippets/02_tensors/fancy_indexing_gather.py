"""整数数组索引（fancy indexing）、index_select 和 gather：按一组下标挑元素。"""

import torch

x = torch.arange(1, 13).reshape(3, 4)
print("x:")
print(x)

# 用整数张量（或列表）当下标：按给定顺序挑行，可以重复
rows = torch.tensor([2, 0, 2])
print("x[[2, 0, 2]] 挑行：")
print(x[rows])

# 两个下标张量成对使用：取出 (0, 1)、(1, 3)、(2, 0) 三个元素
r = torch.tensor([0, 1, 2])
c = torch.tensor([1, 3, 0])
print("x[r, c] 成对取元素：", x[r, c])

# index_select：沿指定维度挑选，等价于在那一维上用整数数组索引
print("index_select(dim=1, [0, 3]) 挑第 0、3 列：")
print(x.index_select(1, torch.tensor([0, 3])))

# 典型用法：分类任务里取出每个样本正确类别的分数
scores = torch.tensor([[0.1, 0.7, 0.2], [0.5, 0.3, 0.2], [0.2, 0.2, 0.6]])
labels = torch.tensor([1, 0, 2])
picked = scores[torch.arange(len(labels)), labels]
print("每个样本正确类别的分数（fancy indexing）：", picked)

# gather：下标张量和输出同形状，out[i][j] = scores[i][index[i][j]]（dim=1 时）
gathered = scores.gather(1, labels.unsqueeze(1))
print("gather(1, labels[:, None]) 形状", tuple(gathered.shape), "->", gathered.squeeze(1))
print("两种写法结果相同：", torch.equal(picked, gathered.squeeze(1)))

# 注意：整数数组索引得到的是副本，基本切片得到的是视图
copy = x[[0, 1]]
view = x[0:2]
copy[0, 0] = -1
print("改副本后 x[0, 0] =", x[0, 0].item())
view[0, 0] = -1
print("改视图后 x[0, 0] =", x[0, 0].item())

# 用整数数组索引赋值：可以一次修改多个指定位置
y = torch.zeros(3, 4, dtype=torch.long)
y[r, c] = 1
print("y[r, c] = 1（做出独热编码的样子）：")
print(y)
