"""优化一步的三件事：清空梯度 -> 反向传播 -> 更新参数。"""

import torch
from torch import nn

torch.manual_seed(0)

# 一个很小的线性回归：y = 3x + 1 加一点噪声
x = torch.linspace(-1, 1, 16).unsqueeze(1)
y = 3 * x + 1 + 0.05 * torch.randn_like(x)

model = nn.Linear(1, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

# 1) 单独看一步：step() 做的就是 p <- p - lr * p.grad
optimizer.zero_grad()
loss = loss_fn(model(x), y)
loss.backward()
w_before = model.weight.detach().clone()
expected = w_before - 0.1 * model.weight.grad
optimizer.step()
print(f"第一步的损失：{round(loss.item(), 4)}")
print(f"更新前 w: {round(w_before.item(), 4)}  梯度：{round(model.weight.grad.item(), 4)}")
print("更新后 w:", round(model.weight.item(), 4), " 手算 w - lr*grad:", round(expected.item(), 4))

# 2) 忘了 zero_grad：梯度会一直累加
optimizer.zero_grad()
for i in range(3):
    loss_fn(model(x), y).backward()
    print(f"不清零，第 {i + 1} 次 backward 后 w.grad:", round(model.weight.grad.item(), 4))

# zero_grad() 默认 set_to_none=True，梯度被置为 None 而不是 0
optimizer.zero_grad()
print("zero_grad() 之后 w.grad:", model.weight.grad)

# 3) 标准训练循环
for epoch in range(60):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    if epoch % 20 == 19:
        print(f"轮次 {epoch + 1:2d}  损失 {loss.item():.5f}")
print("学到的 w, b:", round(model.weight.item(), 3), round(model.bias.item(), 3))
