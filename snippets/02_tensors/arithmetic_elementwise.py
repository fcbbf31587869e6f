"""逐元素运算：运算符、数学函数和比较，都是对应位置的元素两两计算。"""

import torch

a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
b = torch.tensor([[10.0, 20.0], [30.0, 40.0]])

# 四则运算与乘方：运算符和函数写法等价
print("a + b:")
print(a + b)
print("torch.add(a, b) 与 a + b 相等：", torch.equal(torch.add(a, b), a + b))
print("b / a:")
print(b / a)
print("a ** 2:")
print(a**2)

# 和 Python 数字运算：数字被当作与 a 同形状的常量
print("a * 10 - 1:")
print(a * 10 - 1)

# 常用数学函数，同样逐元素
x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])
print("x:        ", x)
print("abs:      ", torch.abs(x))
print("exp:      ", torch.exp(x))
print("clamp(-1, 1):", x.clamp(min=-1.0, max=1.0))
print("relu:     ", torch.relu(x))

# 比较运算得到布尔张量
print("x > 0:    ", x > 0)
print("大于 0 的个数：", (x > 0).sum().item())

# 浮点比较不要用 ==，用 allclose 或 isclose
s = torch.tensor(1.1) * 3
print("1.1 * 3 == 3.3 ?  ", (s == torch.tensor(3.3)).item())
print("两者之差：          ", (s - torch.tensor(3.3)).item())
print("allclose(1.1 * 3, 3.3) ?", torch.allclose(s, torch.tensor(3.3)))
