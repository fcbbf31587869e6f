import torch
from torch.autograd.functional import jacobian
from torch.func import jacrev


def f(x):
    # 从 R^3 到 R^2 的函数：两个输出分量
    return torch.stack([x[0] * x[1], x[1] + torch.sin(x[2])])


x = torch.tensor([1.0, 2.0, 0.0], requires_grad=True)

# torch.autograd.grad：直接把梯度作为返回值，不写入 x.grad
y = f(x)
(g,) = torch.autograd.grad(y.sum(), x)
print("autograd.grad 的结果：", g)
print("x.grad 仍然是：", x.grad)

# 同样可以传 grad_outputs 做向量-雅可比积（只要第一个输出分量的梯度）
y = f(x)
(g0,) = torch.autograd.grad(y, x, grad_outputs=torch.tensor([1.0, 0.0]))
print("只取第 0 个输出的梯度：", g0)

# 完整的雅可比矩阵：形状是 (输出维度, 输入维度) = (2, 3)
x_plain = torch.tensor([1.0, 2.0, 0.0])
j1 = jacobian(f, x_plain)
j2 = jacrev(f)(x_plain)
print("autograd.functional.jacobian:\n", j1, sep="")
print("torch.func.jacrev 与之相同：", torch.equal(j1, j2))
