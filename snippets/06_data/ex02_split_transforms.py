import torch
from torch.utils.data import Dataset, random_split
from torchvision.transforms import v2

g = torch.Generator().manual_seed(0)
# 100 张 uint8 单通道“图片”，像素值集中在 100 附近
images = (100 + 20 * torch.randn(100, 1, 8, 8, generator=g)).clamp(0, 255).to(torch.uint8)
labels = torch.randint(0, 2, (100,), generator=g)


class RawImages(Dataset):
    def __len__(self) -> int:
        return len(images)

    def __getitem__(self, idx: int):
        return images[idx], int(labels[idx])


class WithTransform(Dataset):
    """给一个子集单独套上变换。random_split 得到的两个 Subset 共用同一个底层数据集，
    直接改底层的 transform 会同时影响训练集和验证集，所以在外面再包一层。"""

    def __init__(self, subset, transform):
        self.subset = subset
        self.transform = transform

    def __len__(self) -> int:
        return len(self.subset)

    def __getitem__(self, idx: int):
        image, label = self.subset[idx]
        return self.transform(image), label


train_part, val_part = random_split(RawImages(), [0.8, 0.2], generator=g)
print(f"训练集/验证集大小：{len(train_part)} {len(val_part)}")

# 统计量只在训练集上算：验证集扮演“没见过的数据”，不能参与
train_pixels = torch.stack([train_part[i][0] for i in range(len(train_part))]).float() / 255
mean, std = train_pixels.mean().item(), train_pixels.std().item()
print(f"训练集像素均值 {mean:.4f}，标准差 {std:.4f}")

to_float = v2.ToDtype(torch.float32, scale=True)
train_set = WithTransform(
    train_part, v2.Compose([v2.RandomHorizontalFlip(), to_float, v2.Normalize([mean], [std])])
)
val_set = WithTransform(val_part, v2.Compose([to_float, v2.Normalize([mean], [std])]))

train_norm = torch.stack([train_set[i][0] for i in range(len(train_set))])
val_norm = torch.stack([val_set[i][0] for i in range(len(val_set))])
print(f"归一化后训练集：均值 {train_norm.mean():.3f}，标准差 {train_norm.std():.3f}")
print(
    f"归一化后验证集：均值 {val_norm.mean():.3f}，标准差 {val_norm.std():.3f}（接近但不恰好是 0 和 1）"
)
print(f"验证集两次读取结果相同（没有随机增强）：{torch.equal(val_set[0][0], val_set[0][0])}")
