import csv
import hashlib
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from PIL import Image

SIZE = 32  # 图像边长（像素），灰度图
CLASSES = ["good", "scratch", "spot", "dent"]
# 每个划分里各类的数量：良品占一半，三种缺陷各占六分之一
COUNTS = {"train": [300, 100, 100, 100], "val": [120, 40, 40, 40], "test": [120, 40, 40, 40]}
ROOT = Path("data")


# --8<-- [start:render]
def machined_surface(rng):
    """车削表面：一组方向、周期随机的细纹理，加上不均匀照明和传感器噪声。"""
    yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    theta = rng.uniform(0, np.pi)
    period = rng.uniform(2.5, 5.0)
    phase = rng.uniform(0, 2 * np.pi)
    stripes = 0.05 * np.sin(2 * np.pi * (xx * np.cos(theta) + yy * np.sin(theta)) / period + phase)
    light = rng.uniform(-0.12, 0.12) * (xx / SIZE - 0.5) + rng.uniform(-0.12, 0.12) * (
        yy / SIZE - 0.5
    )
    noise = rng.normal(0.0, 0.03, (SIZE, SIZE))
    return 0.55 + stripes + light + noise, xx, yy


def add_defect(img, kind, rng, xx, yy):
    """在表面上画一种缺陷；强度随机，有的很淡，模型不可能全部认出。"""
    cx, cy = rng.uniform(7, SIZE - 7, size=2)
    if kind == "scratch":  # 细长的线段，可亮可暗
        angle, half = rng.uniform(0, np.pi), rng.uniform(4, 11)
        along = (xx - cx) * np.cos(angle) + (yy - cy) * np.sin(angle)
        across = -(xx - cx) * np.sin(angle) + (yy - cy) * np.cos(angle)
        line = np.exp(-(across**2) / 0.6) * (np.abs(along) < half)
        img = img + rng.choice([-1, 1]) * rng.uniform(0.06, 0.25) * line
    elif kind == "spot":  # 边缘柔和的暗斑
        r = rng.uniform(1.2, 2.5)
        img = img - rng.uniform(0.06, 0.3) * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r**2))
    elif kind == "dent":  # 凹坑：斜光下一侧暗、一侧亮
        s = rng.uniform(2.0, 3.5)
        bump = np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * s**2))
        img = img + rng.uniform(0.1, 0.35) * ((xx - cx) + (yy - cy)) / s * bump
    return img


# --8<-- [end:render]


# --8<-- [start:write]
def write_dataset(seed=20):
    rng = np.random.default_rng(seed)
    (ROOT / "images").mkdir(parents=True, exist_ok=True)
    rows, index = [], 0
    for split, counts in COUNTS.items():
        for label, count in zip(CLASSES, counts, strict=True):
            for _ in range(count):
                img, xx, yy = machined_surface(rng)
                if label != "good":
                    img = add_defect(img, label, rng, xx, yy)
                pixels = (np.clip(img, 0, 1) * 255).round().astype(np.uint8)
                name = f"images/{index:05d}.png"  # 文件名不含标签：标签只在清单里
                Image.fromarray(pixels, mode="L").save(ROOT / name)
                rows.append({"file": name, "label": label, "split": split})
                index += 1
    order = rng.permutation(len(rows))  # 打乱清单的行序，别让类别按顺序扎堆
    with open(ROOT / "manifest.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["file", "label", "split"])
        writer.writeheader()
        writer.writerows(rows[i] for i in order)
    return [rows[i] for i in order]


# --8<-- [end:write]

rows = write_dataset()
print(f"写入 {len(rows)} 张 PNG 和 data/manifest.csv")
for split in COUNTS:
    counts = Counter(r["label"] for r in rows if r["split"] == split)
    print(f"{split:5s}：" + "，".join(f"{c} {counts[c]}" for c in CLASSES))

# 数据指纹：读回全部像素和标签求哈希。同一个种子、同一版代码，任何机器上都应得到同一个值；
# 哈希的是像素而不是 PNG 文件的字节，因为不同版本的压缩库写出的字节可以不同
digest = hashlib.sha256()
for r in sorted(rows, key=lambda r: r["file"]):
    digest.update(np.asarray(Image.open(ROOT / r["file"])).tobytes() + r["label"].encode())
print("数据指纹：", digest.hexdigest()[:16])

# 每类挑两张画出来
fig, axes = plt.subplots(2, 4, figsize=(8, 4.4))
for col, label in enumerate(CLASSES):
    picks = [r for r in rows if r["label"] == label and r["split"] == "train"][:2]
    for row, r in enumerate(picks):
        ax = axes[row, col]
        ax.imshow(Image.open(ROOT / r["file"]), cmap="gray", vmin=0, vmax=255)
        ax.set_title(label, fontsize=10)
        ax.axis("off")
fig.tight_layout()
plt.savefig("samples.png", dpi=80)
