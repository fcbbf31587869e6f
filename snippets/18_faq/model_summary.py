import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),
    nn.BatchNorm2d(8),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(8 * 14 * 14, 32),
    nn.ReLU(),
    nn.Linear(32, 10),
)
model[0].requires_grad_(False)  # 假装第一层被冻结了，看摘要能不能看出来

# 1. 直接 print(model)：结构一目了然，但没有形状和参数量
print(model)

# 2. 自己写一个摘要：用前向钩子记下每层的输出形状，再数每层的参数
shapes = {}
handles = [
    m.register_forward_hook(lambda m, i, o, name=name: shapes.__setitem__(name, tuple(o.shape)))
    for name, m in model.named_children()
]
model.eval()  # 评估模式下前向，不会改动 BatchNorm 的滑动统计量
with torch.no_grad():
    model(torch.zeros(1, 1, 28, 28))
for h in handles:
    h.remove()

print(f"{'name':<5}{'type':<16}{'output':<20}{'params':>10}{'trainable':>10}")
for name, m in model.named_children():
    n_params = sum(p.numel() for p in m.parameters())
    n_train = sum(p.numel() for p in m.parameters() if p.requires_grad)
    print(f"{name:<5}{type(m).__name__:<16}{str(shapes[name]):<20}{n_params:>10}{n_train:>10}")

total = sum(p.numel() for p in model.parameters())
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"参数总数：{total}，可训练：{trainable}，float32 下约 {total * 4 / 1024:.1f} KiB")
