import torch


def f(x):
    # 要最小化的函数：f(x) = x^4 / 4 - 2x，极小点满足 f'(x) = x^3 - 2 = 0
    return x**4 / 4 - 2 * x


x = torch.tensor(3.0, requires_grad=True)
for it in range(1, 7):
    (g,) = torch.autograd.grad(f(x), x, create_graph=True)  # 一阶导数，保留图
    (h,) = torch.autograd.grad(g, x)  # 对一阶导数再求导，得到二阶导数
    print(f"第 {it} 步：x = {x.item():.6f}  f'(x) = {g.item():10.6f}  f''(x) = {h.item():.4f}")
    with torch.no_grad():
        x -= g / h  # 牛顿法：x <- x - f'(x) / f''(x)

print(f"最终 x = {x.item():.6f}，2 的立方根 = {2 ** (1 / 3):.6f}")
