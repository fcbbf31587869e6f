import torch
from torch import nn

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
torch.manual_seed(0)

# 一批 32 个样本的回归数据
X = torch.randn(32, 8, device=device)
y = torch.randn(32, 1, device=device)
model = nn.Linear(8, 1).to(device)
loss_fn = nn.MSELoss()  # 默认 reduction="mean"：对批次求平均

# 方式一：整批一次前向、一次反向
model.zero_grad()
loss_fn(model(X), y).backward()
big_batch_grad = model.weight.grad.clone()

# 方式二：拆成 4 个微批次，每个微批次的损失除以 4 后 backward，梯度自动累加
model.zero_grad()
num_micro = 4
for X_mb, y_mb in zip(X.chunk(num_micro), y.chunk(num_micro), strict=True):
    loss = loss_fn(model(X_mb), y_mb) / num_micro
    loss.backward()
accumulated_grad = model.weight.grad.clone()

# 方式三（错误示范）：忘了除以微批次数，梯度被放大 4 倍
model.zero_grad()
for X_mb, y_mb in zip(X.chunk(num_micro), y.chunk(num_micro), strict=True):
    loss_fn(model(X_mb), y_mb).backward()
wrong_grad = model.weight.grad.clone()

print("整批梯度（前 4 个分量）：", big_batch_grad[0, :4].cpu())
print("累积梯度（前 4 个分量）：", accumulated_grad[0, :4].cpu())
print("两者 allclose：", torch.allclose(big_batch_grad, accumulated_grad, atol=1e-6))
print(f"忘记除以 4 时与整批之比：{(wrong_grad / big_batch_grad).mean().item():.4f}")
