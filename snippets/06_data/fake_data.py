"""datasets.FakeData：不用下载任何东西，先把数据流水线和训练循环跑通。"""

import torch
from torch.utils.data import DataLoader
from torchvision import datasets
from torchvision.transforms import v2

transform = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
# 100 张随机的 3×32×32 图片（PIL 格式）和 0–9 的随机标签，形状和 CIFAR-10 一样
fake = datasets.FakeData(size=100, image_size=(3, 32, 32), num_classes=10, transform=transform)
image, label = fake[0]
print(
    f"样本数：{len(fake)}，一张图：{tuple(image.shape)} {image.dtype}，标签类型：{type(label).__name__}"
)
print(f"同一下标两次读取相同：{torch.equal(fake[3][0], fake[3][0])}")

loader = DataLoader(fake, batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))
xb, yb = next(iter(loader))
print(f"一个批次：{tuple(xb.shape)}，{tuple(yb.shape)}，批次数：{len(loader)}")
