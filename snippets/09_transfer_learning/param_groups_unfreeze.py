import torch
from torch import nn
from torchvision.models import ResNet18_Weights, resnet18

torch.manual_seed(0)
model = resnet18(weights=ResNet18_Weights.DEFAULT)
model.fc = nn.Linear(512, 5)

# 参数组：主干用小学习率，新分类头用大学习率
backbone = [p for name, p in model.named_parameters() if not name.startswith("fc.")]
optimizer = torch.optim.AdamW(
    [
        {"params": backbone, "lr": 1e-4},
        {"params": model.fc.parameters(), "lr": 1e-3},
    ],
    weight_decay=0.01,
)
for i, group in enumerate(optimizer.param_groups):
    n = sum(p.numel() for p in group["params"])
    print(f"参数组 {i}：{n:>10,} 个参数，lr={group['lr']}")

# 逐步解冻：先只训练分类头，再从靠近输出的一层开始，一层层放开
print("--- 逐步解冻 ---")
model.requires_grad_(False)
model.fc.requires_grad_(True)
optimizer = torch.optim.AdamW(model.fc.parameters(), lr=1e-3)
schedule = {0: [], 1: ["layer4"], 2: ["layer3"]}  # 阶段 -> 这一阶段新解冻的层
x, y = torch.randn(4, 3, 64, 64), torch.randint(0, 5, (4,))
for stage, layer_names in schedule.items():
    for name in layer_names:
        layer = getattr(model, name)
        layer.requires_grad_(True)
        # 新解冻的层作为新的参数组加入，学习率比分类头小
        optimizer.add_param_group({"params": layer.parameters(), "lr": 1e-4})
    model.train()
    loss = nn.functional.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    lrs = [g["lr"] for g in optimizer.param_groups]
    print(f"阶段 {stage}：可训练参数 {trainable:>10,}，各参数组学习率 {lrs}")
print("layer2 仍然冻结：", not any(p.requires_grad for p in model.layer2.parameters()))
print("layer2 的梯度：", model.layer2[0].conv1.weight.grad)
