import csv
import hashlib
from collections import Counter
from pathlib import Path

import torch
from torchvision.io import ImageReadMode, decode_image, write_png

CLASSES = ["good", "scratch", "spot", "dent"]
root = Path("broken")
(root / "images").mkdir(parents=True, exist_ok=True)

# 造一个有毛病的小数据集：每个毛病都是真实项目里会遇到的
g = torch.Generator().manual_seed(0)
for i in range(5):
    write_png(
        torch.randint(0, 256, (1, 32, 32), dtype=torch.uint8, generator=g),
        str(root / f"images/{i}.png"),
    )
(root / "images/5.png").write_bytes((root / "images/0.png").read_bytes())  # 同一张图复制了一份
write_png(torch.zeros(1, 40, 40, dtype=torch.uint8), str(root / "images/6.png"))  # 尺寸不对
(root / "images/7.png").write_bytes(b"\x89PNG truncated")  # 写到一半的文件
manifest = [
    ("images/0.png", "good", "train"),
    ("images/1.png", "spot", "train"),
    ("images/2.png", "scrach", "train"),  # 标签拼错
    ("images/3.png", "dent", "val"),
    ("images/4.png", "good", "test"),
    ("images/5.png", "good", "test"),  # 与 0.png 像素完全相同，跨了划分
    ("images/6.png", "spot", "val"),
    ("images/7.png", "dent", "train"),
    ("images/8.png", "good", "val"),  # 文件不存在
    ("images/1.png", "spot", "train"),  # 清单里重复的一行
]
with open(root / "manifest.csv", "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f)
    writer.writerow(["file", "label", "split"])
    writer.writerows(manifest)


def check(root, shape=(1, 32, 32)):
    with open(root / "manifest.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    problems = [f"清单重复 {n}" for n, c in Counter(r["file"] for r in rows).items() if c > 1]
    owner = {}
    for r in rows:
        name = r["file"]
        if r["label"] not in CLASSES:
            problems.append(f"未知标签 {r['label']!r}（{name}）")
        if not (root / name).exists():
            problems.append(f"缺文件 {name}")
            continue
        try:
            image = decode_image(str(root / name), mode=ImageReadMode.UNCHANGED)
        except RuntimeError:
            problems.append(f"无法解码 {name}")
            continue
        if tuple(image.shape) != shape:
            problems.append(f"尺寸不对 {name}：{tuple(image.shape)}")
        key = hashlib.sha256(image.numpy().tobytes()).hexdigest()
        first = owner.setdefault(key, (name, r["split"]))
        if first[0] != name and first[1] != r["split"]:
            problems.append(f"跨划分的重复图 {first[0]}（{first[1]}）= {name}（{r['split']}）")
    return problems


for p in check(root):
    print(p)
