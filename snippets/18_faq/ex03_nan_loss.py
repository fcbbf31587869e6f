import torch
from torch import nn

torch.manual_seed(0)
# 题目中的代码：手写二分类交叉熵，logits 很大时 sigmoid 在 float32 里正好等于 1
logits = torch.tensor([20.0, -3.0, 50.0], requires_grad=True)
targets = torch.tensor([0.0, 0.0, 1.0])


def handmade_bce(logits, targets):
    p = torch.sigmoid(logits)
    return -(targets * torch.log(p) + (1 - targets) * torch.log(1 - p)).mean()


loss = handmade_bce(logits, targets)
print(f"手写损失：{loss.item()}，是有限值：{torch.isfinite(loss).item()}")

# 找 bug：逐项检查中间结果
p = torch.sigmoid(logits.detach())
print("sigmoid 输出等于 1 的位置：", (p == 1).nonzero().flatten().tolist())
print("log(1 - p)：", torch.log(1 - p))

# 修正：BCEWithLogitsLoss 直接吃 logits，内部用 log-sum-exp 的稳定写法
loss = nn.BCEWithLogitsLoss()(logits, targets)
loss.backward()
print(f"稳定写法的损失：{loss.item():.4f}，梯度有限：{torch.isfinite(logits.grad).all().item()}")
