import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2  # y 是向量（3 个元素），不是标量

# 错误用法：对非标量直接 backward
try:
    y.backward()
except RuntimeError as err:
    print("对非标量调用 backward() 报错：", err)

# 做法一：先归约成标量。sum() 相当于给每个输出分量权重 1
y.sum().backward(retain_graph=True)
print("y.sum().backward() 后 x.grad：", x.grad)

# 做法二：用 gradient= 传入向量 v，得到向量-雅可比积 v^T J
x.grad = None
v = torch.tensor([1.0, 0.1, 0.01])
y.backward(gradient=v)
print("v =", v)
print("y.backward(gradient=v) 后 x.grad：", x.grad)

# 验证：y = x**2 的雅可比矩阵是对角阵 diag(2x)，v^T J 就是 v * 2x
jac = torch.diag(2 * x.detach())
print("雅可比矩阵 J：\n", jac, sep="")
print("手算 v @ J：", v @ jac)
print("两者一致：", torch.allclose(x.grad, v @ jac))
