import torch
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


class ResidualBlock(nn.Module):
    """两层 3x3 卷积 + 捷径连接：输出 = ReLU(F(x) + shortcut(x))。"""

    def __init__(self, in_ch: int, out_ch: int, stride: int = 1):
        super().__init__()
        # 后面紧跟 BatchNorm 时，卷积的偏置会被 BN 的均值抵消，所以 bias=False
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_ch)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_ch)
        # 形状变化时，捷径也要用 1x1 卷积把通道数和尺寸对齐，否则无法相加
        if stride != 1 or in_ch != out_ch:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_ch, out_ch, 1, stride=stride, bias=False), nn.BatchNorm2d(out_ch)
            )
        else:
            self.shortcut = nn.Identity()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = torch.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return torch.relu(out + self.shortcut(x))


class SmallResNet(nn.Module):
    """一个给 3x32x32 图像做 10 分类的小网络。"""

    def __init__(self, num_classes: int = 10):
        super().__init__()
        self.stem = nn.Sequential(
            nn.Conv2d(3, 16, 3, padding=1, bias=False), nn.BatchNorm2d(16), nn.ReLU()
        )
        self.stage1 = ResidualBlock(16, 16)
        self.stage2 = ResidualBlock(16, 32, stride=2)  # 32x32 -> 16x16
        self.stage3 = ResidualBlock(32, 64, stride=2)  # 16x16 -> 8x8
        self.pool = nn.AdaptiveAvgPool2d(1)  # 任意尺寸 -> 1x1
        self.head = nn.Linear(64, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.stem(x)
        x = self.stage3(self.stage2(self.stage1(x)))
        x = torch.flatten(self.pool(x), 1)  # (N, 64, 1, 1) -> (N, 64)
        return self.head(x)


block = ResidualBlock(16, 16)
print("恒等捷径：", block.shortcut)
print("下采样捷径：", ResidualBlock(16, 32, stride=2).shortcut)

model = SmallResNet().to(device)  # 参数和缓冲区一起搬到设备上
images = torch.randn(4, 3, 32, 32, device=device)
logits = model(images)
print("输入形状：", tuple(images.shape), "-> logits 形状：", tuple(logits.shape))
print("参数总量：", sum(p.numel() for p in model.parameters()))

# 自定义模型和内置层一样能反向传播
logits.sum().backward()
print("head 权重的梯度形状：", tuple(model.head.weight.grad.shape))
print("子模块：", [name for name, _ in model.named_children()])
