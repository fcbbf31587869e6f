"""梯度裁剪：clip_grad_norm_ 按总范数等比缩放，clip_grad_value_ 逐元素截断。"""

import torch
from torch import nn

torch.manual_seed(0)
torch.set_printoptions(precision=4, sci_mode=False)

model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
x = torch.randn(32, 4)
y = 100 * torch.randn(32, 1)  # 目标值很大，梯度也就很大
nn.MSELoss()(model(x), y).backward()

# 手算所有参数梯度拼起来的 L2 范数
manual_norm = torch.sqrt(sum(p.grad.pow(2).sum() for p in model.parameters()))
grads_before = [p.grad.clone() for p in model.parameters()]

# 返回值是裁剪“之前”的总范数，常被记录下来监控训练
total_norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
after_norm = torch.sqrt(sum(p.grad.pow(2).sum() for p in model.parameters()))
print(
    f"手算总范数：{round(manual_norm.item(), 4)}  clip_grad_norm_ 返回：{round(total_norm.item(), 4)}"
)
print(f"裁剪后总范数：{round(after_norm.item(), 4)}")
ratios = [
    (p.grad / g).flatten()[0].item() for p, g in zip(model.parameters(), grads_before, strict=True)
]
print(f"每个参数的缩放倍数都相同：{[round(r, 6) for r in ratios]}")

# 范数本来就小于 max_norm 时，梯度保持不变
again = nn.utils.clip_grad_norm_(model.parameters(), max_norm=10.0)
print(f"再次调用（max_norm=10）返回：{round(again.item(), 4)} ，梯度不变")

# clip_grad_value_ 逐元素截断到 [-clip_value, clip_value]，会改变梯度方向
g = torch.tensor([3.0, 0.2, -0.5])
p = torch.zeros(3, requires_grad=True)
p.grad = g.clone()
nn.utils.clip_grad_value_([p], clip_value=0.5)
print(f"clip_grad_value_ 前：{g}  后：{p.grad}")
p.grad = g.clone()
nn.utils.clip_grad_norm_([p], max_norm=0.5)
print(f"clip_grad_norm_  后：{p.grad} （方向不变）")

# 梯度里出现 inf / nan：返回的范数就是 inf / nan，可以据此跳过这一步；
# 也可以让它直接报错
p.grad = torch.tensor([float("inf"), 1.0, 1.0])
print(f"含 inf 时返回的范数：{nn.utils.clip_grad_norm_([p], max_norm=1.0).item()}")
p.grad = torch.tensor([float("inf"), 1.0, 1.0])
try:
    nn.utils.clip_grad_norm_([p], max_norm=1.0, error_if_nonfinite=True)
except RuntimeError as err:
    print("error_if_nonfinite=True:", str(err).split(", so")[0])
