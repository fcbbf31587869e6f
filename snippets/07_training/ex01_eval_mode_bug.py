import torch
from torch import nn

torch.manual_seed(0)

# 训练一个带 Dropout 与 BatchNorm 的小分类器
X = torch.randn(512, 8)
y = (X[:, 0] + X[:, 1] > 0).long()
X_val = torch.randn(256, 8)
y_val = (X_val[:, 0] + X_val[:, 1] > 0).long()
model = nn.Sequential(
    nn.Linear(8, 64, bias=False),
    nn.BatchNorm1d(64),
    nn.ReLU(),
    nn.Dropout(0.5),
    nn.Linear(64, 2),
)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
for _ in range(100):
    model.train()
    optimizer.zero_grad()
    nn.functional.cross_entropy(model(X), y).backward()
    optimizer.step()


def evaluate_buggy(model, x, y):
    # 问题 1：没有切到评估模式，Dropout 仍在随机丢弃，BatchNorm 用的是这一批的统计量
    # 问题 2：没有关闭梯度记录，白白构建计算图
    logits = model(x)
    return (logits.argmax(dim=1) == y).float().mean().item(), logits.requires_grad


@torch.inference_mode()
def evaluate_fixed(model, x, y):
    model.eval()
    logits = model(x)
    return (logits.argmax(dim=1) == y).float().mean().item(), logits.requires_grad


model.train()  # 训练刚结束，模型还处在训练模式
for name, fn in [("有问题的版本", evaluate_buggy), ("修正后的版本", evaluate_fixed)]:
    results = [fn(model, X_val, y_val) for _ in range(3)]
    accs = ", ".join(f"{acc:.1%}" for acc, _ in results)
    print(f"{name}: 连续评估三次的准确率 {accs}；输出记录梯度：{results[0][1]}")

# 另一个常见症状：训练模式下只预测 1 个样本，BatchNorm 无法计算批次方差而直接报错
single = X_val[:1]
model.train()
try:
    model(single)
except ValueError as err:
    print(f"训练模式预测单个样本：{type(err).__name__}")
model.eval()
with torch.inference_mode():
    print(f"评估模式预测单个样本：{model(single).argmax(dim=1).tolist()}")
