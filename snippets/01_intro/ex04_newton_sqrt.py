"""习题 4：迭代次数由数据决定的牛顿法开平方，autograd 照样能对它求导。"""

import torch


def newton_sqrt(a: torch.Tensor, tol: float = 1e-6) -> tuple[torch.Tensor, int]:
    x = a.clone()  # 初始猜测
    steps = 0
    while (x * x - a).abs() > tol:  # 什么时候停，取决于算出来的值
        x = 0.5 * (x + a / x)
        steps += 1
    return x, steps


for value in (2.0, 9.0, 100.0):
    a = torch.tensor(value, dtype=torch.float64, requires_grad=True)
    root, steps = newton_sqrt(a)
    root.backward()
    exact_grad = 0.5 / value**0.5  # d sqrt(a) / da = 1 / (2 sqrt(a))
    print(
        f"a = {value:>5}：迭代 {steps} 次, sqrt = {root.item():.6f}, "
        f"梯度 = {a.grad.item():.6f}, 解析梯度 = {exact_grad:.6f}"
    )
