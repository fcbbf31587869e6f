import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

# 两团二维点：0 类围绕 (-1, -1)，1 类围绕 (1, 1)，有一部分重叠
n = 500
x0 = torch.randn(n, 2) + torch.tensor([-1.0, -1.0])
x1 = torch.randn(n, 2) + torch.tensor([1.0, 1.0])
X = torch.cat([x0, x1])
y = torch.cat([torch.zeros(n), torch.ones(n)])  # BCE 损失要求浮点标签
train_set, val_set = random_split(
    TensorDataset(X, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0)
)
train_loader = DataLoader(train_set, batch_size=64, shuffle=True)
val_loader = DataLoader(val_set, batch_size=256)

# 逻辑回归 = 一个线性层 + sigmoid；sigmoid 交给损失函数，模型只输出 logits
model = nn.Linear(2, 1)
loss_fn = nn.BCEWithLogitsLoss()  # 内部合并了 sigmoid 与 BCE，数值更稳定
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)


@torch.inference_mode()
def accuracy(model, loader):
    model.eval()
    correct = total = 0
    for xb, yb in loader:
        prob = torch.sigmoid(model(xb).squeeze(1))  # logits -> 概率
        correct += ((prob > 0.5).float() == yb).sum().item()
        total += len(yb)
    return correct / total


for epoch in range(1, 6):
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss = loss_fn(model(xb).squeeze(1), yb)
        loss.backward()
        optimizer.step()
    print(
        f"轮次 {epoch}：训练准确率 {accuracy(model, train_loader):.1%}，"
        f"验证准确率 {accuracy(model, val_loader):.1%}"
    )

w1, w2 = model.weight.detach().squeeze().tolist()
b = model.bias.item()
print(f"决策边界：{w1:.2f}*x1 {w2:+.2f}*x2 {b:+.2f} = 0")

# 两团点有重叠，任何分类器都会错一部分：贝叶斯最优准确率 = Φ(√2)
best = torch.special.ndtr(torch.tensor(2.0).sqrt()).item()
print(f"这个数据分布下的理论最优准确率：{best:.1%}")

# 对几个新点给出概率：越靠近边界，概率越接近 0.5
model.eval()
new_points = [[-2.0, -2.0], [0.0, 0.0], [0.5, 0.8], [2.0, 2.0]]
with torch.inference_mode():
    probs = torch.sigmoid(model(torch.tensor(new_points))).squeeze(1)
for p, prob in zip(new_points, probs.tolist(), strict=True):
    print(f"点 {p} 属于 1 类的概率：{prob:.3f}")
