"""第一个 PyTorch 程序：创建张量、做运算、让 autograd 求一次梯度。"""

import torch

torch.manual_seed(0)

# 1. 从 Python 列表创建张量（tensor），像 NumPy 数组一样有形状和数据类型
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
print("x =")
print(x)
print("形状：", x.shape, " 数据类型：", x.dtype, " 所在设备：", x.device)

# 2. 逐元素运算与矩阵乘法：每一行代码执行完，结果就已经算出来了
y = x * 10 + 1
print("x * 10 + 1 =")
print(y)
print("x @ x =")
print(x @ x)

# 3. 随机张量：固定了随机种子，所以每次运行结果都一样
w = torch.randn(2, 3)
print("随机权重 w =")
print(w)

# 4. 自动微分：对 requires_grad=True 的张量，PyTorch 会记录运算并能求梯度
a = torch.tensor(3.0, requires_grad=True)
b = a**2 + 2 * a + 1  # b = (a + 1)^2
b.backward()  # 求 db/da
print("b =", b.item(), " db/da =", a.grad.item(), "（解析解 2a + 2 = 8）")
