import torch
from torch import nn

torch.manual_seed(0)

# 与显著图示例相同的数据和模型：只有 x0、x2、x4 有用
x = torch.randn(1000, 6)
y = 2.0 * x[:, 0] - 1.5 * x[:, 2] + 0.5 * x[:, 4] ** 2
model = nn.Sequential(nn.Linear(6, 32), nn.Tanh(), nn.Linear(32, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=0.03)
for _ in range(200):
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x).squeeze(1), y).backward()
    optimizer.step()


def integrated_gradients(f, inputs, baseline, steps=64):
    """积分梯度：沿基线到输入的直线，对梯度做梯形积分，再乘以 (输入 - 基线)。"""
    alphas = torch.linspace(0.0, 1.0, steps + 1).view(-1, 1)  # (steps+1, 1)
    path = (baseline + alphas * (inputs - baseline)).requires_grad_()  # 路径上的点
    grads = torch.autograd.grad(f(path).sum(), path)[0]  # 一次反向传播求出所有点的梯度
    avg_grad = (grads[:-1] + grads[1:]).mean(dim=0) / 2  # 梯形法则
    return (inputs - baseline) * avg_grad


model.eval()
sample = torch.tensor([1.0, 1.0, 1.0, 1.0, 2.0, 1.0])
baseline = torch.zeros(6)  # 基线：全 0 的输入，表示没有信息
attr = integrated_gradients(model, sample, baseline)
print("积分梯度：", [f"{v:+.2f}" for v in attr.tolist()])

with torch.no_grad():
    gap = (model(sample) - model(baseline)).item()
print(f"归因之和：{attr.sum():.3f}   f(x) - f(基线)：{gap:.3f}")
print("完备性误差小于 0.001：", abs(attr.sum().item() - gap) < 1e-3)

# 对照真值：目标是 2·x0 - 1.5·x2 + 0.5·x4²，从 0 到样本，每项的变化量就是理想归因
print("理想归因：", [f"{v:+.2f}" for v in [2.0, 0, -1.5, 0, 0.5 * 2.0**2, 0]])
