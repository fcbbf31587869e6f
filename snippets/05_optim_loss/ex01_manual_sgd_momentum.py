"""习题 1：手写带动量（含 Nesterov）的 SGD，与 torch.optim.SGD 逐步对照。"""

import torch

torch.manual_seed(0)
A = torch.randn(5, 3)
b = torch.randn(5)


def loss_fn(w):
    return ((A @ w - b) ** 2).mean()


def manual_sgd(w0, lr, momentum, nesterov, steps):
    w = w0.clone()
    buf = None
    for _ in range(steps):
        w_req = w.clone().requires_grad_()
        loss_fn(w_req).backward()
        g = w_req.grad
        # PyTorch 的写法：buf = momentum * buf + g（第一步直接 buf = g），再 w -= lr * 更新方向
        buf = g.clone() if buf is None else momentum * buf + g
        direction = g + momentum * buf if nesterov else buf
        w = w - lr * direction
    return w


def torch_sgd(w0, lr, momentum, nesterov, steps):
    w = w0.clone().requires_grad_()
    opt = torch.optim.SGD([w], lr=lr, momentum=momentum, nesterov=nesterov)
    for _ in range(steps):
        opt.zero_grad()
        loss_fn(w).backward()
        opt.step()
    return w.detach()


w0 = torch.zeros(3)
for nesterov in [False, True]:
    mine = manual_sgd(w0, lr=0.1, momentum=0.9, nesterov=nesterov, steps=20)
    ref = torch_sgd(w0, lr=0.1, momentum=0.9, nesterov=nesterov, steps=20)
    print(f"nesterov={nesterov!s:5}  手写：{mine.numpy().round(4)}  torch: {ref.numpy().round(4)}")
    print(
        f"  一致：{torch.allclose(mine, ref, atol=1e-6)}，20 步后的损失 {loss_fn(ref).item():.4f}"
    )
