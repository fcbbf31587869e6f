"""梯度累积时忘了除以 k：对 SGD 等于学习率乘 k，对 Adam 几乎没有影响。"""

import torch
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(16, 3), torch.randn(16, 1)
k = 4  # 把 16 个样本拆成 4 个微批次


def train(opt_name: str, lr: float, divide: bool, steps: int = 3) -> torch.Tensor:
    torch.manual_seed(1)
    model = nn.Linear(3, 1)
    opt_cls = torch.optim.SGD if opt_name == "SGD" else torch.optim.Adam
    opt = opt_cls(model.parameters(), lr=lr)
    for _ in range(steps):
        opt.zero_grad()
        for xb, yb in zip(x.chunk(k), y.chunk(k), strict=True):
            loss = nn.functional.mse_loss(model(xb), yb)
            (loss / k if divide else loss).backward()
        opt.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()])


def gap(a: torch.Tensor, b: torch.Tensor) -> float:
    return (a - b).abs().max().item()


# SGD（第 5 章）：参数更新与梯度成正比，梯度放大 k 倍 = 学习率放大 k 倍
sgd_forgot = train("SGD", lr=0.01, divide=False)
sgd_lr_k = train("SGD", lr=0.01 * k, divide=True)
print("SGD：忘了 ÷k 与 学习率×k 相同：", torch.allclose(sgd_forgot, sgd_lr_k, atol=1e-6))

# Adam（第 5 章）：更新量是 m/sqrt(v)，梯度整体放大 k 倍，分子分母一起放大，几乎抵消
adam_right = train("Adam", lr=0.01, divide=True)
adam_forgot = train("Adam", lr=0.01, divide=False)
adam_lr_div = train("Adam", lr=0.01 / k, divide=True)
print("Adam：忘了 ÷k 时参数的最大差别小于 1e-6：", gap(adam_right, adam_forgot) < 1e-6)
print(f"Adam：改成学习率 ÷k 时参数的最大差别：{gap(adam_right, adam_lr_div):.3f}")
