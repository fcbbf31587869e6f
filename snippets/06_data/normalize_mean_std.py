import torch
from torch.utils.data import DataLoader, Dataset
from torchvision.transforms import v2


class TintedImages(Dataset):
    """200 张 3×16×16 的 uint8 图片，三个通道的亮度分布各不相同（偏红的照片集）。"""

    def __init__(self, n: int = 200, transform=None, seed: int = 0):
        g = torch.Generator().manual_seed(seed)  # 固定种子：同样的参数得到同样的图片
        centers = torch.tensor([170.0, 110.0, 60.0]).view(1, 3, 1, 1)
        spread = torch.tensor([40.0, 30.0, 20.0]).view(1, 3, 1, 1)
        pixels = centers + spread * torch.randn(n, 3, 16, 16, generator=g)
        self.images = pixels.clamp(0, 255).to(torch.uint8)
        self.transform = transform

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, idx: int):
        image = self.images[idx]
        return self.transform(image) if self.transform else image


to_float = v2.ToDtype(torch.float32, scale=True)  # uint8 [0, 255] -> float [0, 1]
ds = TintedImages(transform=to_float)

# 一批一批地累加“和”与“平方和”：不需要把整个数据集同时放进内存
loader = DataLoader(ds, batch_size=64)
total = torch.zeros(3, dtype=torch.float64)
total_sq = torch.zeros(3, dtype=torch.float64)
count = 0
for batch in loader:  # batch: (B, 3, H, W)
    total += batch.sum(dim=(0, 2, 3), dtype=torch.float64)
    total_sq += (batch.double() ** 2).sum(dim=(0, 2, 3))
    count += batch.numel() // batch.shape[1]  # 每个通道的像素个数
mean = total / count
std = (total_sq / count - mean**2).sqrt()
print("逐批累加得到的 mean:", [round(v, 4) for v in mean.tolist()])
print("逐批累加得到的 std: ", [round(v, 4) for v in std.tolist()])

# 对照：一次性把所有图片堆起来直接算（数据集小才能这样做）
everything = torch.stack([ds[i] for i in range(len(ds))]).double()
print("一次性计算的 mean:  ", [round(v, 4) for v in everything.mean(dim=(0, 2, 3)).tolist()])
print("一次性计算的 std:   ", [round(v, 4) for v in everything.std(dim=(0, 2, 3)).tolist()])

# 把算出的统计量交给 Normalize：(x - mean) / std，逐通道进行
normalized_ds = TintedImages(
    transform=v2.Compose([to_float, v2.Normalize(mean.tolist(), std.tolist())])
)
after = torch.stack([normalized_ds[i] for i in range(len(normalized_ds))])
print("归一化后每个通道的 mean:", [round(v, 3) + 0.0 for v in after.mean(dim=(0, 2, 3)).tolist()])
print("归一化后每个通道的 std: ", [round(v, 3) for v in after.std(dim=(0, 2, 3)).tolist()])
