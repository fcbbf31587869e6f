import torch
from torch import nn

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)  # 用双精度，误差只来自积分的步数

model = nn.Sequential(nn.Linear(6, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 1))
sample = torch.randn(6) * 2
baseline = torch.zeros(6)


def integrated_gradients(f, inputs, baseline, steps, rule):
    alphas = torch.linspace(0.0, 1.0, steps + 1).view(-1, 1)
    if rule == "left":  # 左黎曼和：只用区间左端点
        alphas = alphas[:-1]
    path = (baseline + alphas * (inputs - baseline)).requires_grad_()
    grads = torch.autograd.grad(f(path).sum(), path)[0]
    avg = (grads[:-1] + grads[1:]).mean(0) / 2 if rule == "trapezoid" else grads.mean(0)
    return (inputs - baseline) * avg


with torch.no_grad():
    gap = (model(sample) - model(baseline)).item()
print(f"f(x) - f(基线)：{gap:.4f}")
for steps in (4, 16, 64, 256):
    errors = [
        abs(integrated_gradients(model, sample, baseline, steps, rule).sum().item() - gap)
        for rule in ("left", "trapezoid")
    ]
    print(f"步数 {steps:3d}：左黎曼和误差 {errors[0]:.1e}  梯形法则误差 {errors[1]:.1e}")
