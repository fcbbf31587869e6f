import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

# 已知答案的数据：y = 2*x1 - 3.4*x2 + 1.5*x3 + 4.2 + 噪声
true_w = torch.tensor([2.0, -3.4, 1.5])
true_b = 4.2
X = torch.randn(1000, 3)
y = X @ true_w + true_b + 0.1 * torch.randn(1000)
dataset = TensorDataset(X, y.unsqueeze(1))  # 目标形状 (N, 1)，与模型输出一致
train_set, val_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(train_set, batch_size=32, shuffle=True)
val_loader = DataLoader(val_set, batch_size=200)

model = nn.Linear(3, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)

for epoch in range(1, 6):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        optimizer.step()
    model.eval()
    with torch.inference_mode():
        val_mse = sum(loss_fn(model(xb), yb).item() * len(xb) for xb, yb in val_loader)
        val_mse /= len(val_set)
    print(f"轮次 {epoch}：验证集 MSE = {val_mse:.4f}")

print(f"真实权重：{[2.0, -3.4, 1.5]} 真实偏置：{true_b}")
print(f"学到权重：{[round(w, 3) for w in model.weight.detach().squeeze().tolist()]}")
print(f"学到偏置：{round(model.bias.item(), 3)}")

# 线性回归有闭式解（最小二乘），可以拿来核对梯度下降的结果
X_aug = torch.cat([X, torch.ones(len(X), 1)], dim=1)  # 多一列 1 对应偏置
solution = torch.linalg.lstsq(X_aug, y.unsqueeze(1)).solution.squeeze()
print(f"最小二乘解：{[round(v, 3) for v in solution.tolist()]}")
print(f"噪声方差（MSE 的理论下限）：{0.1**2:.4f}")
