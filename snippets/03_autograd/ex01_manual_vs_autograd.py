import math

import torch

# f(x, y) = x^2 * y + sin(x * y)，在 (x, y) = (1, 2) 处求偏导
x = torch.tensor(1.0, requires_grad=True)
y = torch.tensor(2.0, requires_grad=True)
f = x**2 * y + torch.sin(x * y)
f.backward()

# 手算：df/dx = 2xy + y*cos(xy)，df/dy = x^2 + x*cos(xy)
xv, yv = 1.0, 2.0
manual_dx = 2 * xv * yv + yv * math.cos(xv * yv)
manual_dy = xv**2 + xv * math.cos(xv * yv)

print(f"autograd: df/dx = {x.grad.item():.6f}, df/dy = {y.grad.item():.6f}")
print(f"手算：     df/dx = {manual_dx:.6f}, df/dy = {manual_dy:.6f}")
print(
    "一致：",
    math.isclose(x.grad.item(), manual_dx, rel_tol=1e-6),
    math.isclose(y.grad.item(), manual_dy, rel_tol=1e-6),
)
