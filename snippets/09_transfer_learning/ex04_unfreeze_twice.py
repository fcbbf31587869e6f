import torch
from torch import nn
from torchvision.models import ResNet18_Weights, resnet18

model = resnet18(weights=ResNet18_Weights.DEFAULT)
model.fc = nn.Linear(512, 4)
model.requires_grad_(False)
model.fc.requires_grad_(True)
optimizer = torch.optim.Adam(model.fc.parameters(), lr=1e-3)


def unfreeze(model, name, optimizer, lr):
    """解冻一个子模块，并把它加入优化器；已经解冻过的就什么也不做。"""
    layer = getattr(model, name)
    already = {id(p) for group in optimizer.param_groups for p in group["params"]}
    params = [p for p in layer.parameters() if id(p) not in already]
    if not params:
        return False
    layer.requires_grad_(True)
    optimizer.add_param_group({"params": params, "lr": lr})
    return True


print("解冻 layer4：", unfreeze(model, "layer4", optimizer, 1e-4))
print("再解冻一次：", unfreeze(model, "layer4", optimizer, 1e-4))
print("参数组个数：", len(optimizer.param_groups))

# 不做检查、直接重复加入会怎样
try:
    optimizer.add_param_group({"params": model.layer4.parameters(), "lr": 1e-4})
except ValueError as err:
    print("ValueError：", err)
