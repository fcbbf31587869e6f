"""Adam 的 weight_decay（L2 正则）与 AdamW 的解耦权重衰减，数值上有什么不同。"""

import torch

torch.manual_seed(0)
torch.set_printoptions(precision=4, sci_mode=False)
lr, wd, eps = 0.01, 0.1, 1e-8

# 1) 第一步按公式手算，再与 torch 对照
#    第 1 步时偏差修正后 m_hat = g、v_hat = g**2，Adam 的更新量就是 lr * g / (|g| + eps)
p0 = torch.tensor([2.0, -1.0])
g = torch.tensor([0.5, 0.003])

g_l2 = g + wd * p0  # Adam：把 wd * p 加进梯度，之后一起被自适应缩放
manual_adam = p0 - lr * g_l2 / (g_l2.abs() + eps)
manual_adamw = p0 * (1 - lr * wd) - lr * g / (g.abs() + eps)  # AdamW：先按比例缩小，再走 Adam 步


def one_step(cls):
    p = p0.clone().requires_grad_()
    opt = cls([p], lr=lr, weight_decay=wd, eps=eps)
    p.grad = g.clone()  # 直接指定梯度，省去前向与反向
    opt.step()
    return p.detach()


print(f"Adam(weight_decay)  手算：{manual_adam}  torch: {one_step(torch.optim.Adam)}")
print(f"AdamW(weight_decay) 手算：{manual_adamw}  torch: {one_step(torch.optim.AdamW)}")


def adam_decoupled(params, **kwargs):
    return torch.optim.Adam(params, decoupled_weight_decay=True, **kwargs)


# 新版本的 Adam 也有 decoupled_weight_decay 开关，打开后与 AdamW 相同
print("Adam(decoupled_weight_decay=True):", one_step(adam_decoupled))

# 2) 效果：两个参数都从 1 出发，梯度一个很大、一个很小（正负交替，平均为 0）
steps = 500
scales = torch.tensor([10.0, 0.01])
signs = torch.tensor([(-1.0) ** t for t in range(steps)]).unsqueeze(1)
grads = signs * scales  # 第 t 步两个参数的“数据梯度”


def run(cls, weight_decay):
    p = torch.ones(2, requires_grad=True)
    opt = cls([p], lr=lr, weight_decay=weight_decay)
    for t in range(steps):
        opt.zero_grad()
        (grads[t] * p).sum().backward()  # 损失对 p 的梯度恰好是 grads[t]
        opt.step()
    return p.detach()


print(f"\n{steps} 步之后（参数初值都是 1，梯度尺度分别为 10 和 0.01）：")
print("不衰减        :", run(torch.optim.Adam, 0.0))
print("Adam  + L2    :", run(torch.optim.Adam, wd))
print(f"AdamW 解耦衰减：{run(torch.optim.AdamW, wd)}")
print(f"(1 - lr*wd)^{steps} = {(1 - lr * wd) ** steps:.4f}")
