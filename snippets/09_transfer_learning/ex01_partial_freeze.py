import torch
from torch import nn
from torchvision.models import ResNet18_Weights, resnet18

model = resnet18(weights=ResNet18_Weights.DEFAULT)
model.fc = nn.Linear(model.fc.in_features, 3)

# 先全部冻结，再放开最后一个残差阶段和分类头
model.requires_grad_(False)
for module in (model.layer4, model.fc):
    module.requires_grad_(True)

total = sum(p.numel() for p in model.parameters())
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"可训练参数：{trainable:,} / {total:,}（{trainable / total:.1%}）")
open_parts = [
    name
    for name, child in model.named_children()
    if any(p.requires_grad for p in child.parameters())
]
print("放开的子模块：", open_parts)

optimizer = torch.optim.SGD(
    [
        {"params": model.layer4.parameters(), "lr": 1e-3},
        {"params": model.fc.parameters(), "lr": 1e-2},
    ],
    momentum=0.9,
)
print("参数组学习率：", [g["lr"] for g in optimizer.param_groups])
