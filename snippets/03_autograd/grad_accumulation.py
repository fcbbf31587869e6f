import torch
from torch import nn

torch.manual_seed(0)

w = torch.tensor([1.0, 2.0], requires_grad=True)
x = torch.tensor([3.0, 4.0])

# 连续两次 backward（每次都重新前向），梯度会累加而不是覆盖
for step in range(1, 4):
    loss = (w * x).sum()
    loss.backward()
    print(f"第 {step} 次 backward 后 w.grad：", w.grad)

# 清零的两种方式
w.grad.zero_()  # 原地置零：.grad 仍然是一个张量
print("grad.zero_() 之后：", w.grad)
w.grad = None  # 直接丢掉：下次 backward 时重新分配
print("设为 None 之后：", w.grad)

# 优化器里的 zero_grad：PyTorch 2.x 默认 set_to_none=True
model = nn.Linear(2, 1)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
model(torch.randn(4, 2)).sum().backward()
print()
print("backward 后 weight.grad：", model.weight.grad)
opt.zero_grad()  # 等价于 zero_grad(set_to_none=True)
print("zero_grad() 之后 weight.grad：", model.weight.grad)
model(torch.randn(4, 2)).sum().backward()
opt.zero_grad(set_to_none=False)
print("zero_grad(set_to_none=False) 之后 weight.grad：", model.weight.grad)
