import torch
from torch import nn

torch.manual_seed(0)


def deep_mlp(depth: int = 8, width: int = 256) -> nn.Sequential:
    layers = []
    for _ in range(depth):
        layers += [nn.Linear(width, width), nn.ReLU()]
    return nn.Sequential(*layers)


def activation_stds(model: nn.Sequential, x: torch.Tensor) -> list[float]:
    """用前向钩子记录每个 ReLU 输出的标准差。"""
    stds = []
    handles = [
        m.register_forward_hook(lambda mod, inp, out: stds.append(out.std().item()))
        for m in model
        if isinstance(m, nn.ReLU)
    ]
    with torch.no_grad():
        model(x)
    for h in handles:
        h.remove()
    return stds


def kaiming(m: nn.Module) -> None:
    if isinstance(m, nn.Linear):
        nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
        nn.init.zeros_(m.bias)


x = torch.randn(512, 256)
default = deep_mlp()
he = deep_mlp().apply(kaiming)

print("层   默认初始化   Kaiming 初始化")
for i, (a, b) in enumerate(zip(activation_stds(default, x), activation_stds(he, x), strict=True)):
    print(f"{i + 1:>2}   {a:>10.4f}   {b:>12.4f}")
