import pickle
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import ConcatDataset, DataLoader, Dataset
from torchvision.transforms import v2

# 解压 cifar-10-python.tar.gz 后得到的目录（datasets.CIFAR10 也从这里读）
folder = Path("data") / "cifar-10-batches-py"
print(f"目录里的文件：{sorted(p.name for p in folder.iterdir())}")


def unpickle(path: Path) -> dict:
    # 官方文件是 Python 2 时代的 pickle；encoding="latin1" 让 Python 3 读出 str 键和 NumPy 数组
    with open(path, "rb") as f:
        return pickle.load(f, encoding="latin1")


meta = unpickle(folder / "batches.meta")
classes = meta["label_names"]
print(f"类别名：{classes}")

batch = unpickle(folder / "data_batch_1")
print(f"一个批次文件的键：{sorted(batch)}")
print(f"data: {batch['data'].shape} {batch['data'].dtype}  labels 前 10 个：{batch['labels'][:10]}")


class CifarBatchFile(Dataset):
    """读一个批次文件；每行 3072 个字节 = 1024 个 R + 1024 个 G + 1024 个 B。"""

    def __init__(self, path: Path, transform=None):
        entry = unpickle(path)
        # (N, 3072) -> (N, 3, 32, 32)：先按通道拆，再按行、列拆
        self.images = entry["data"].reshape(-1, 3, 32, 32)
        self.labels = entry["labels"]
        self.transform = transform

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, idx: int):
        image = torch.from_numpy(self.images[idx])  # uint8，(3, 32, 32)
        if self.transform is not None:
            image = self.transform(image)
        return image, self.labels[idx]


# CIFAR-10 常用的训练增强：四周补 4 个像素后随机裁回 32×32，再随机左右翻转
train_tf = v2.Compose(
    [
        v2.RandomCrop(32, padding=4),
        v2.RandomHorizontalFlip(),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize((0.4914, 0.4822, 0.4465), (0.2470, 0.2435, 0.2616)),
    ]
)
# 五个训练批次拼成一个数据集；ConcatDataset 会把下标自动映射到对应的文件
train_set = ConcatDataset(
    [CifarBatchFile(folder / f"data_batch_{i}", train_tf) for i in range(1, 6)]
)
test_set = CifarBatchFile(folder / "test_batch")
print(f"训练集样本数：{len(train_set)}  测试集样本数：{len(test_set)}")

# 与 datasets.CIFAR10 给出的图片一致：换成 HWC 就是 PIL / matplotlib 要的排列
hwc = test_set.images[0].transpose(1, 2, 0)
print("第一张测试图 CHW ->", test_set.images[0].shape, " HWC ->", hwc.shape)
counts = np.bincount(test_set.labels, minlength=10)
print(f"测试集各类数量：{dict(zip(classes, counts.tolist(), strict=True))}")

torch.manual_seed(0)
loader = DataLoader(train_set, batch_size=32, shuffle=True)
xb, yb = next(iter(loader))
print(f"一个训练批次：{tuple(xb.shape)} {xb.dtype}，标签 {yb[:8].tolist()}")
