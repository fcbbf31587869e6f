import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1, bias=False),
    nn.BatchNorm2d(16),
    nn.ReLU(),
    nn.Conv2d(16, 32, 3, padding=1, bias=False),
    nn.BatchNorm2d(32),
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),
    nn.Flatten(),
    nn.Linear(32, 10),
)


@torch.no_grad()
def init_weights(m: nn.Module) -> None:
    if isinstance(m, nn.Conv2d):
        nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        if m.bias is not None:
            nn.init.zeros_(m.bias)
    elif isinstance(m, nn.BatchNorm2d):
        nn.init.ones_(m.weight)
        nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Linear):
        nn.init.normal_(m.weight, mean=0.0, std=0.01)
        nn.init.zeros_(m.bias)


model.apply(init_weights)

# 逐项检查
conv2 = model[3]
fan_out = conv2.out_channels * conv2.kernel_size[0] * conv2.kernel_size[1]
print(f"第二个卷积：标准差 {conv2.weight.std().item():.4f}，理论 {(2 / fan_out) ** 0.5:.4f}")
print(
    "BN weight 全为 1：",
    bool((model[1].weight == 1).all()),
    " bias 全为 0：",
    bool((model[1].bias == 0).all()),
)
print(
    f"Linear 权重标准差：{model[8].weight.std().item():.4f}，偏置全为 0：{bool((model[8].bias == 0).all())}"
)
print(
    "输出 logits 很小（std≈0.01 的输出层）：",
    model(torch.randn(4, 3, 8, 8)).abs().max().item() < 0.5,
)
