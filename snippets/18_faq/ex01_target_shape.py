import torch
from torch import nn

torch.manual_seed(0)
# 题目中的代码：标签从表格里按列取出，形状是 (N, 1)
features = torch.randn(6, 4)
labels = torch.tensor([[0], [2], [1], [1], [0], [2]])
model = nn.Linear(4, 3)
loss_fn = nn.CrossEntropyLoss()

try:
    loss_fn(model(features), labels)
except RuntimeError as e:
    print(f"{type(e).__name__}：{str(e).splitlines()[0]}")

# 找 bug：打印两边的形状和 dtype
print(f"logits：{tuple(model(features).shape)}，labels：{tuple(labels.shape)} {labels.dtype}")

# 修正：类别索引形式的标签应是形状 (N,) 的 long 张量，去掉多余的那一维
labels = labels.squeeze(1)
loss = loss_fn(model(features), labels)
print(f"修正后 labels：{tuple(labels.shape)}，损失：{loss.item():.4f}")
