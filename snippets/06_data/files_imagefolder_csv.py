from pathlib import Path

import pandas as pd
import torch
from PIL import Image, ImageDraw
from torch.utils.data import DataLoader, Dataset
from torchvision import datasets
from torchvision.transforms import v2

torch.manual_seed(0)


def draw_shape(kind: str, size: int, color: tuple[int, int, int]) -> Image.Image:
    """画一张 32×32 的小图：白底上一个圆或一个方块。"""
    img = Image.new("RGB", (32, 32), "white")
    draw = ImageDraw.Draw(img)
    box = (16 - size, 16 - size, 16 + size, 16 + size)
    if kind == "circle":
        draw.ellipse(box, fill=color)
    else:
        draw.rectangle(box, fill=color)
    return img


# ---- 第一步：在当前目录里造一个小数据集 ----
# ImageFolder 约定的布局：根目录/类别名/图片文件
for kind in ["circle", "square"]:
    folder = Path("shapes") / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(3):
        draw_shape(kind, 6 + 2 * i, (200, 40 * i, 60)).save(folder / f"{kind}_{i}.png")

# 另一种常见布局：图片放在一个目录里，标签写在 CSV 表里
Path("images").mkdir(exist_ok=True)
rows = []
for i in range(5):
    kind = "circle" if i % 2 == 0 else "square"
    name = f"img_{i}.png"
    draw_shape(kind, 5 + i, (30, 120, 200)).save(Path("images") / name)
    rows.append({"filename": name, "label": kind, "size": 5 + i})
pd.DataFrame(rows).to_csv("labels.csv", index=False)
print("labels.csv 内容：")
print(Path("labels.csv").read_text(encoding="utf-8").strip())

to_tensor = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])

# ---- 第二步：ImageFolder 直接读目录树 ----
folder_ds = datasets.ImageFolder("shapes", transform=to_tensor)
print(f"\nImageFolder 类别：{folder_ds.classes}")
print(f"类别 -> 编号：{folder_ds.class_to_idx}")
print(f"样本数：{len(folder_ds)}")
print("前两个样本的 (路径, 标签):", [(Path(p).as_posix(), y) for p, y in folder_ds.samples[:2]])
img, label = folder_ds[4]
print("folder_ds[4]:", tuple(img.shape), img.dtype, "标签", label)


# ---- 第三步：自己写一个读 CSV 的 Dataset ----
class CsvImageDataset(Dataset):
    def __init__(self, csv_file: str, image_dir: str, transform=None):
        self.table = pd.read_csv(csv_file)  # 只读表格：几行文字，很小
        self.image_dir = Path(image_dir)
        self.transform = transform
        self.classes = sorted(self.table["label"].unique())
        self.class_to_idx = {c: i for i, c in enumerate(self.classes)}

    def __len__(self) -> int:
        return len(self.table)

    def __getitem__(self, idx: int):
        row = self.table.iloc[idx]
        # 图片在用到时才打开：内存里始终只有当前这一张
        image = Image.open(self.image_dir / row["filename"]).convert("RGB")
        if self.transform is not None:
            image = self.transform(image)
        return image, self.class_to_idx[row["label"]]


csv_ds = CsvImageDataset("labels.csv", "images", transform=to_tensor)
print(f"\nCSV 数据集类别：{csv_ds.class_to_idx} 样本数：{len(csv_ds)}")
loader = DataLoader(csv_ds, batch_size=2)
for xb, yb in loader:
    print("批次形状", tuple(xb.shape), "标签", yb.tolist())
