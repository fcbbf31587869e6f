import torch

x = torch.tensor(3.0, requires_grad=True)
y = x**3

# create_graph=True：把求导这一步本身也记进计算图，才能对导数再求导
(dy_dx,) = torch.autograd.grad(y, x, create_graph=True)
print("一阶导数 3x^2 =", dy_dx.item(), "  requires_grad:", dy_dx.requires_grad)

(d2y_dx2,) = torch.autograd.grad(dy_dx, x)
print("二阶导数 6x   =", d2y_dx2.item())

# 不加 create_graph，得到的导数不在计算图上，不能再求导
(g,) = torch.autograd.grad(x**3, x)
print("不加 create_graph 时一阶导数的 requires_grad：", g.requires_grad)

# 常见用途：梯度惩罚，把梯度的范数放进损失里（例如 WGAN-GP）
w = torch.tensor([1.0, -2.0], requires_grad=True)
inp = torch.tensor([0.5, 1.5], requires_grad=True)
out = (w * inp).pow(2).sum()
(grad_inp,) = torch.autograd.grad(out, inp, create_graph=True)
penalty = grad_inp.norm() ** 2  # 对输入的梯度的平方范数
penalty.backward()
print("梯度惩罚项：", penalty.item())
print("惩罚项对 w 的梯度：", w.grad)
