import csv
import hashlib
from collections import Counter
from pathlib import Path

import torch
from torch.utils.data import DataLoader, Dataset
from torchvision.io import ImageReadMode, decode_image
from torchvision.transforms import v2

CLASSES = ["good", "scratch", "spot", "dent"]
DATA = Path("data")


# --8<-- [start:dataset]
class SurfaceDataset(Dataset):
    """按清单读 PNG：一行清单就是一个样本。图像第一次用到时从磁盘解码，之后留在内存里。"""

    def __init__(self, root, split):
        self.root = Path(root)
        with open(self.root / "manifest.csv", newline="", encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f) if r["split"] == split]
        self.files = [r["file"] for r in rows]
        self.labels = [CLASSES.index(r["label"]) for r in rows]
        self.cache = {}  # 数据集小到放得进内存：每个文件只解码一次

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        if i not in self.cache:
            image = decode_image(str(self.root / self.files[i]), mode=ImageReadMode.GRAY)
            self.cache[i] = v2.functional.to_dtype(image, torch.float32, scale=True)
        return self.cache[i], self.labels[i]


# --8<-- [end:dataset]

# --8<-- [start:checks]
with open(DATA / "manifest.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
problems = []
# 1. 清单本身：标签和划分只能取约定的值，文件名不能重复
problems += [f"未知标签 {r['label']}" for r in rows if r["label"] not in CLASSES]
problems += [f"未知划分 {r['split']}" for r in rows if r["split"] not in ("train", "val", "test")]
problems += [f"重复的行 {name}" for name, n in Counter(r["file"] for r in rows).items() if n > 1]

# 2. 每个文件都要在、都能解码、尺寸和通道都对
shapes, owner = Counter(), {}
for r in rows:
    path = DATA / r["file"]
    if not path.exists():
        problems.append(f"缺文件 {r['file']}")
        continue
    image = decode_image(str(path), mode=ImageReadMode.UNCHANGED)
    shapes[(tuple(image.shape), str(image.dtype))] += 1
    # 3. 泄漏：同一张图（按像素内容算哈希）不能同时出现在两个划分里
    key = hashlib.sha256(image.numpy().tobytes()).hexdigest()
    if key in owner and owner[key] != r["split"]:
        problems.append(f"{r['file']} 与另一个划分里的图完全相同")
    owner.setdefault(key, r["split"])

print("清单行数：", len(rows))
print("图像形状与类型：", dict(shapes))
print("发现的问题：", problems or "无")
# --8<-- [end:checks]

# --8<-- [start:loader]
train_set = SurfaceDataset(DATA, "train")
image, label = train_set[0]
print(f"训练集 {len(train_set)} 张；一个样本：{tuple(image.shape)} {image.dtype}，标签 {label}")
print(f"像素范围 [{image.min():.3f}, {image.max():.3f}]")
loader = DataLoader(
    train_set, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(0)
)
x, y = next(iter(loader))
print("一个批次：", tuple(x.shape), tuple(y.shape), y.dtype)
print("这一批里各类的个数：", torch.bincount(y, minlength=4).tolist())
# 各划分的亮度分布应当相近；相差很大说明采集条件变了，或者划分有偏
for split in ("train", "val", "test"):
    pixels = torch.stack([img for img, _ in SurfaceDataset(DATA, split)])
    print(f"{split:5s}：像素均值 {pixels.mean():.3f}，标准差 {pixels.std():.3f}")
# --8<-- [end:loader]
