"""快速上手：一个完整的小例子，从造数据、定义模型、训练到评估。各部分在后面的章节里逐一展开。"""

import torch
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# 1. 数据（第 2 章：张量）：平面上的点，落在半径 1 的圆内为类别 1，否则为类别 0
points = torch.rand(600, 2) * 4 - 2  # 在 [-2, 2) × [-2, 2) 里均匀取点
labels = (points.pow(2).sum(dim=1) < 1).long()
x_train, y_train = points[:500].to(device), labels[:500].to(device)
x_test, y_test = points[500:].to(device), labels[500:].to(device)

# 2. 模型（第 4 章：nn.Module）：两层全连接网络，输出两个类别的分数（logits）
model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 2)).to(device)

# 3. 损失函数与优化器（第 5 章）
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)

# 4. 训练循环（第 3 章：自动微分；第 7 章：训练流程）
for step in range(1, 201):
    loss = loss_fn(model(x_train), y_train)  # 前向传播，算出损失
    optimizer.zero_grad()  # 清掉上一步的梯度
    loss.backward()  # 反向传播，求出每个参数的梯度
    optimizer.step()  # 按梯度更新参数
    if step % 50 == 0:
        print(f"第 {step} 步：训练损失 {loss.item():.2f}")

# 5. 评估（第 7 章）：关掉梯度记录，在没见过的测试点上算准确率
model.eval()
with torch.no_grad():
    pred = model(x_test).argmax(dim=1)
accuracy = (pred == y_test).float().mean().item()
print(f"测试准确率：{accuracy:.0%}")
