"""BCELoss(sigmoid(z)) 与 BCEWithLogitsLoss(z)：数值稳定性与 pos_weight。"""

import torch
from torch import nn

torch.set_printoptions(precision=4, sci_mode=False)

# 几个“很自信但判断错了”的 logits，以及一个正常的
z = torch.tensor([3.0, 20.0, 40.0, -40.0])
y = torch.tensor([0.0, 0.0, 0.0, 1.0])
print(f"logits: {z}  目标：{y}")
print("float32 里 sigmoid(z):", [f"{v:.6g}" for v in torch.sigmoid(z).tolist()])

# 先 sigmoid 再 BCELoss：sigmoid(20) 在 float32 里已经是 1.0，log(1 - 1) = -inf，
# PyTorch 把 log 截断在 -100，所以损失停在 100
z1 = z.clone().requires_grad_()
loss1 = nn.BCELoss(reduction="none")(torch.sigmoid(z1), y)
loss1.sum().backward()
print(f"BCELoss(sigmoid(z)) 损失：{loss1.detach()}")
print(f"                     梯度：{z1.grad}")
print(f"第 4 个梯度的实际值：{z1.grad[3].item():.3e}")

# 直接吃 logits：内部用 max(z,0) - z*y + log(1 + exp(-|z|))，不会溢出
z2 = z.clone().requires_grad_()
loss2 = nn.BCEWithLogitsLoss(reduction="none")(z2, y)
loss2.sum().backward()
print("BCEWithLogitsLoss 损失： ", loss2.detach())
print("                  梯度： ", z2.grad, "（= sigmoid(z) - y）")
manual = z.clamp(min=0) - z * y + torch.log1p(torch.exp(-z.abs()))
print("按稳定公式手算：         ", manual)

# pos_weight：正样本那一项乘上权重，常取“负样本数 / 正样本数”
# 多标签分类：每个样本可以同时属于多个类别，目标形状与 logits 相同
torch.manual_seed(0)
logits = torch.randn(4, 3)
labels = torch.tensor([[1.0, 0, 0], [0, 0, 0], [1, 1, 0], [0, 0, 1]])
pos_weight = (labels.shape[0] - labels.sum(0)) / labels.sum(0)
print("每个类别的 pos_weight:", pos_weight)
weighted = nn.BCEWithLogitsLoss(pos_weight=pos_weight)(logits, labels)
p = torch.sigmoid(logits)
manual_w = -(pos_weight * labels * torch.log(p) + (1 - labels) * torch.log(1 - p)).mean()
print(f"带 pos_weight 的损失：{weighted.item():.4f}  手算：{manual_w.item():.4f}")
