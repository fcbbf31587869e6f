import torch
from torch import nn

torch.manual_seed(0)


class SmallCNN(nn.Module):
    def __init__(self, num_classes: int = 10):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1),
            nn.BatchNorm2d(8),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Dropout(0.25), nn.Linear(16 * 7 * 7, num_classes)
        )

    def forward(self, x):
        return self.classifier(self.features(x))


model = SmallCNN()

# 1) named_modules：递归列出所有模块，包括模型自己（它的名字是空字符串 ''）
print("named_modules 共", len(list(model.named_modules())), "个：")
for name, module in model.named_modules():
    print(f"  {name!r:<16} {type(module).__name__}")


# 2) 参数量：总数与可训练数。冻结特征提取部分后，可训练的只剩分类头
def count_params(m: nn.Module) -> tuple[int, int]:
    total = sum(p.numel() for p in m.parameters())
    trainable = sum(p.numel() for p in m.parameters() if p.requires_grad)
    return total, trainable


print("\n参数总量 / 可训练：{} / {}".format(*count_params(model)))
for p in model.features.parameters():
    p.requires_grad_(False)
print("冻结 features 后：   {} / {}".format(*count_params(model)))

# 3) 用前向钩子记录每个叶子模块的输出形状
rows = []


def make_hook(name):
    def hook(module, inputs, output):
        n_params = sum(p.numel() for p in module.parameters())
        rows.append((name, type(module).__name__, tuple(output.shape), n_params))

    return hook


handles = [
    module.register_forward_hook(make_hook(name))
    for name, module in model.named_modules()
    if len(list(module.children())) == 0  # 只挂在没有子模块的叶子模块上
]

model.eval()
with torch.no_grad():  # 只看形状，不需要计算图
    model(torch.randn(2, 1, 28, 28))
for h in handles:
    h.remove()  # 用完就移除，避免以后每次前向都被打印

print(f"\n{'层名':<14}{'类型':<12}{'输出形状':<18}参数量")
for name, kind, shape, n in rows:
    print(f"{name:<16}{kind:<14}{str(shape):<22}{n}")
