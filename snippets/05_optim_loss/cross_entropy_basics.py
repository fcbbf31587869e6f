"""CrossEntropyLoss 吃 logits 和类别下标；它等于 log_softmax + NLLLoss。"""

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
torch.set_printoptions(precision=4, sci_mode=False)

logits = torch.randn(4, 3)  # 4 个样本、3 个类别的原始分数，不要先做 softmax
target = torch.tensor([0, 2, 1, 2])  # 类别下标，dtype 是 long，形状 (N,)
print("logits:\n", logits)
print("target:", target, target.dtype)

ce = nn.CrossEntropyLoss()(logits, target)
nll = nn.NLLLoss()(F.log_softmax(logits, dim=1), target)
log_p = F.log_softmax(logits, dim=1)
manual = -log_p[torch.arange(4), target].mean()  # 取出每个样本正确类别的 log 概率
print("CrossEntropyLoss:         ", ce)
print("log_softmax + NLLLoss:    ", nll)
print("手算 -mean(log p[正确类]):", manual)

# 常见错误：先做了 softmax 再传进去，相当于做了两次 softmax，损失和梯度都被压扁
wrong = nn.CrossEntropyLoss()(logits.softmax(dim=1), target)
print(f"误把概率传进去：{wrong:.4f}")
# 概率落在 [0, 1]，再 softmax 一次后最自信也只有 e/(e+2)，损失有一个下不去的“地板”
floor = nn.CrossEntropyLoss()(torch.tensor([[1.0, 0.0, 0.0]]), torch.tensor([0]))
print(f"这样算出的损失最低只能到：{floor:.4f}")

# 目标也可以是每个类别的概率（软标签），形状与 logits 相同、dtype 为浮点
soft = torch.tensor([[0.7, 0.2, 0.1]]).expand(4, 3)
print(f"软标签的交叉熵：{nn.CrossEntropyLoss()(logits, soft):.4f}")
print("手算 -sum(q*log p):", -(soft * log_p).sum(dim=1).mean())

# 图像分割：logits 形状 (N, C, H, W)，目标形状 (N, H, W)，类别维固定在第 1 维
seg_logits = torch.randn(2, 3, 4, 4)
seg_target = torch.randint(0, 3, (2, 4, 4))
print(f"分割损失：{nn.CrossEntropyLoss()(seg_logits, seg_target):.4f}")
