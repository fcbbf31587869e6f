import torch
from torch import nn

torch.manual_seed(0)

# 6 个输入特征里只有 x0、x2、x4 真正影响目标，其余 3 个是无关噪声
x = torch.randn(1000, 6)
y = 2.0 * x[:, 0] - 1.5 * x[:, 2] + 0.5 * x[:, 4] ** 2


def train_mlp(x, y, steps=200):
    model = nn.Sequential(nn.Linear(6, 32), nn.Tanh(), nn.Linear(32, 1))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.03)
    for _ in range(steps):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x).squeeze(1), y)
        loss.backward()
        optimizer.step()
    return model, loss.item()


model, loss = train_mlp(x, y)
print(f"训练 MSE：{loss:.3f}")

# 显著图（saliency）：输出对输入的梯度。对一批样本一次求出
x_test = torch.randn(500, 6).requires_grad_()
model(x_test).sum().backward()  # 样本之间互不影响，对和求导就得到每个样本自己的梯度
saliency = x_test.grad.abs().mean(dim=0)
print("平均 |梯度|：", [f"{v:.2f}" for v in saliency.tolist()])
print("最显著的 3 个特征：", saliency.argsort(descending=True)[:3].tolist())

# 梯度 × 输入：考虑了特征取值的大小，单个样本上更直观
sample = torch.tensor([[1.0, 1.0, 1.0, 1.0, 0.0, 1.0]], requires_grad=True)
model(sample).sum().backward()
print("单个样本的梯度：", [f"{v:+.2f}" for v in sample.grad[0].tolist()])
print("梯度 × 输入：  ", [f"{v:+.2f}" for v in (sample.grad * sample.detach())[0].tolist()])
