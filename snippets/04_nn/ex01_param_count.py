import torch
from torch import nn

model = nn.Sequential(
    nn.Conv2d(3, 32, kernel_size=3),  # 32*3*3*3 + 32
    nn.BatchNorm2d(32),  # weight 32 + bias 32（running 统计量是缓冲区，不算参数）
    nn.ReLU(),  # 0
    nn.Conv2d(32, 64, kernel_size=3, bias=False),  # 64*32*3*3
    nn.AdaptiveAvgPool2d(1),  # 0
    nn.Flatten(),  # 0
    nn.Linear(64, 10),  # 64*10 + 10
)

by_hand = (32 * 3 * 3 * 3 + 32) + (32 + 32) + 64 * 32 * 3 * 3 + (64 * 10 + 10)
by_code = sum(p.numel() for p in model.parameters())
print("手算参数量：", by_hand)
print("代码统计：  ", by_code)
print("逐层参数量：")
for name, module in model.named_children():
    n = sum(p.numel() for p in module.parameters())
    print(f"  {name}: {type(module).__name__:<18}{n}")

# 缓冲区不算在 parameters() 里
n_buffers = sum(b.numel() for b in model.buffers())
print(f"缓冲区元素个数：{n_buffers}（running_mean 32 + running_var 32 + num_batches_tracked 1）")
print("输出形状：", tuple(model(torch.randn(2, 3, 16, 16)).shape))
