import torch
from torch import nn
from torchvision.models import ResNet18_Weights, resnet18

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


def count(model):
    total = sum(p.numel() for p in model.parameters())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return f"可训练 {trainable:,} / 共 {total:,}"


model = resnet18(weights=ResNet18_Weights.DEFAULT)
print("原来的分类头：", model.fc)

# 1. 冻结：整个模型的参数都不再需要梯度
model.requires_grad_(False)
print("冻结后：", count(model))

# 2. 换头：新建的层默认 requires_grad=True，所以只有它会被训练
num_classes = 5
model.fc = nn.Linear(model.fc.in_features, num_classes)
print("新的分类头：", model.fc)
print("换头后：", count(model))
model = model.to(device)

# 3. 优化器只接收需要梯度的参数
trainable = [p for p in model.parameters() if p.requires_grad]
optimizer = torch.optim.SGD(trainable, lr=0.1)

# 4. 训练一步，检查主干确实没动、分类头动了
conv1_before = model.conv1.weight.clone()
fc_before = model.fc.weight.clone()
x = torch.randn(8, 3, 64, 64, device=device)  # ResNet 有全局平均池化，小图也能跑
y = torch.randint(0, num_classes, (8,), device=device)
model.train()
model.apply(lambda m: m.eval() if isinstance(m, nn.BatchNorm2d) else None)
loss = nn.functional.cross_entropy(model(x), y)
loss.backward()
optimizer.step()
print("conv1 的梯度：", model.conv1.weight.grad)
print("conv1 变了吗：", not torch.equal(conv1_before, model.conv1.weight))
print("fc 变了吗：", not torch.equal(fc_before, model.fc.weight))
