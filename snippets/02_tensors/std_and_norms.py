"""标准差默认是无偏的（与 NumPy 不同），以及用 torch.linalg.vector_norm 求向量范数。"""

import numpy as np
import torch

x = torch.tensor([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
arr = x.numpy()

# torch.std 默认除以 n-1（无偏估计，correction=1）；np.std 默认除以 n（ddof=0）
print("torch.std(x)             =", round(x.std().item(), 4))
print("np.std(arr)              =", round(float(np.std(arr)), 4))
print("torch.std(correction=0)  =", round(x.std(correction=0).item(), 4), "（与 NumPy 默认相同）")
print("np.std(arr, ddof=1)      =", round(float(np.std(arr, ddof=1)), 4), "（与 torch 默认相同）")
# var 也一样；样本很少时两者差别明显，样本很多时几乎没有差别
print("n=8 时两种方差之比 n/(n-1) =", round(x.var().item() / x.var(correction=0).item(), 4))

# 向量范数：torch.linalg.vector_norm(x, ord)，默认 ord=2
v = torch.tensor([3.0, -4.0, 0.0])
print("L2 范数 ‖v‖₂ =", torch.linalg.vector_norm(v).item())
print("L1 范数 ‖v‖₁ =", torch.linalg.vector_norm(v, ord=1).item())
print("无穷范数 ‖v‖∞ =", torch.linalg.vector_norm(v, ord=float("inf")).item())

# 加 dim 就是逐行求范数；常见用途：把每行缩放成单位长度
rows = torch.tensor([[3.0, 4.0], [1.0, 0.0], [6.0, 8.0]])
lengths = torch.linalg.vector_norm(rows, dim=1, keepdim=True)
print("每行的长度：", lengths.squeeze(1))
print("单位化之后：", rows / lengths)
