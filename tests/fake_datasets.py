"""按真实磁盘格式写出小号的 MNIST 与 CIFAR-10，供没有网络的测试使用。

示例里写的是读者在自己机器上会写的真实代码，例如
``datasets.MNIST(root="data", train=True, download=True)``。测试机不能联网，
所以在示例运行前，由 ``tests/fixtures.py`` 登记的准备函数调用这里的函数，
把格式与官方文件完全相同、只是张数更少的文件写进临时目录：

- MNIST：``root/MNIST/raw/`` 下四个未压缩的 IDX 文件。torchvision 0.29.1 的
  ``MNIST._check_exists`` 只检查这四个文件是否存在（不校验 md5），找到就不下载。
- CIFAR-10：``root/cifar-10-batches-py/`` 下 ``data_batch_1`` … ``data_batch_5``、
  ``test_batch``、``batches.meta`` 七个 pickle 文件（另有一个 readme.html）。注意 torchvision 的 ``CIFAR10``
  在构造时（无论 ``download`` 取何值）都会校验每个文件的 md5，生成的文件不可能与官方
  校验和一致，所以它只能被按格式手工读取，不能交给 ``datasets.CIFAR10``。

图片不是纯噪声：MNIST 用字体把数字画成 28×28 的手写风格图片（随机字号、平移、旋转、
笔画粗细与噪声），CIFAR-10 每一类有自己的颜色与形状，小模型可以学到真实的准确率。
同样的参数与 seed 每次写出逐字节相同的文件。
"""

from __future__ import annotations

import pickle
import struct
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

MNIST_FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}

CIFAR10_CLASSES = [
    "airplane",
    "automobile",
    "bird",
    "cat",
    "deer",
    "dog",
    "frog",
    "horse",
    "ship",
    "truck",
]


# ---------------------------------------------------------------------------
# MNIST
# ---------------------------------------------------------------------------


@cache
def _font(size: int) -> ImageFont.ImageFont:
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # 很老的 Pillow 没有 size 参数
        return ImageFont.load_default()


def _digit_image(digit: int, rng: np.random.Generator) -> np.ndarray:
    """画一张 28×28、黑底白字的数字图（uint8）。"""
    canvas = 56  # 先在 2 倍大小的画布上画，再缩小，边缘更平滑
    img = Image.new("L", (canvas, canvas), 0)
    draw = ImageDraw.Draw(img)
    size = int(rng.integers(40, 52))
    font = _font(size)
    text = str(digit)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = (canvas - (right - left)) / 2 - left + rng.uniform(-4, 4)
    y = (canvas - (bottom - top)) / 2 - top + rng.uniform(-4, 4)
    stroke = int(rng.integers(0, 3))
    draw.text((x, y), text, fill=255, font=font, stroke_width=stroke, stroke_fill=255)
    img = img.rotate(float(rng.uniform(-15, 15)), resample=Image.Resampling.BILINEAR)
    img = img.filter(ImageFilter.GaussianBlur(radius=0.8))
    img = img.resize((28, 28), Image.Resampling.BILINEAR)
    arr = np.asarray(img, dtype=np.float32)
    arr = arr * rng.uniform(0.8, 1.0) + rng.normal(0.0, 12.0, size=arr.shape)
    return np.clip(arr, 0, 255).astype(np.uint8)


def _write_idx_images(path: Path, images: np.ndarray) -> None:
    n, rows, cols = images.shape
    with open(path, "wb") as f:
        # 魔数 2051 = 0x00000803：类型 0x08（uint8），3 个维度；全部整数都是大端序
        f.write(struct.pack(">IIII", 2051, n, rows, cols))
        f.write(images.astype(np.uint8).tobytes())


def _write_idx_labels(path: Path, labels: np.ndarray) -> None:
    with open(path, "wb") as f:
        # 魔数 2049 = 0x00000801：类型 0x08（uint8），1 个维度
        f.write(struct.pack(">II", 2049, len(labels)))
        f.write(labels.astype(np.uint8).tobytes())


def _mnist_split(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    labels = rng.integers(0, 10, size=n).astype(np.uint8)
    images = np.stack([_digit_image(int(d), rng) for d in labels]) if n else np.zeros((0, 28, 28))
    return images.astype(np.uint8), labels


def write_mnist(root: Path, n_train: int = 1000, n_test: int = 200, seed: int = 0) -> None:
    """在 root/MNIST/raw/ 下写出 torchvision.datasets.MNIST 能直接读取的四个 IDX 文件。"""
    raw = Path(root) / "MNIST" / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    for split, n in (("train", n_train), ("test", n_test)):
        images, labels = _mnist_split(n, rng)
        image_file, label_file = MNIST_FILES[split]
        _write_idx_images(raw / image_file, images)
        _write_idx_labels(raw / label_file, labels)


# ---------------------------------------------------------------------------
# CIFAR-10
# ---------------------------------------------------------------------------

# 每类的主色（RGB）与形状；形状和颜色一起决定类别，加上随机扰动后仍可学习
_CIFAR_STYLE = [
    ((90, 140, 220), "cross"),  # airplane：蓝天上的十字
    ((200, 40, 40), "box"),  # automobile：红色方块
    ((150, 110, 60), "dot"),  # bird：棕色小圆
    ((230, 160, 60), "disk"),  # cat：橙色大圆
    ((120, 90, 50), "vbar"),  # deer：深棕竖条
    ((240, 230, 200), "disk"),  # dog：浅色大圆
    ((60, 170, 60), "dot"),  # frog：绿色小圆
    ((110, 60, 30), "hbar"),  # horse：深色横条
    ((30, 60, 150), "hbar"),  # ship：深蓝横条
    ((220, 200, 40), "box"),  # truck：黄色方块
]


def _cifar_image(label: int, rng: np.random.Generator) -> np.ndarray:
    """画一张 32×32×3 的 uint8 图（HWC）。"""
    color, shape = _CIFAR_STYLE[label]
    background = tuple(int(c) for c in rng.integers(40, 200, size=3))
    img = Image.new("RGB", (32, 32), background)
    draw = ImageDraw.Draw(img)
    cx, cy = (int(v) for v in rng.integers(11, 21, size=2))
    r = int(rng.integers(6, 10))
    jitter = rng.integers(-25, 26, size=3)
    fill = tuple(int(np.clip(c + j, 0, 255)) for c, j in zip(color, jitter, strict=True))
    if shape == "box":
        draw.rectangle((cx - r, cy - r, cx + r, cy + r), fill=fill)
    elif shape == "disk":
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)
    elif shape == "dot":
        draw.ellipse((cx - r // 2, cy - r // 2, cx + r // 2, cy + r // 2), fill=fill)
    elif shape == "vbar":
        draw.rectangle((cx - 2, cy - r - 3, cx + 2, cy + r + 3), fill=fill)
    elif shape == "hbar":
        draw.rectangle((cx - r - 3, cy - 2, cx + r + 3, cy + 2), fill=fill)
    elif shape == "cross":
        draw.rectangle((cx - r, cy - 1, cx + r, cy + 1), fill=fill)
        draw.rectangle((cx - 1, cy - r, cx + 1, cy + r), fill=fill)
    arr = np.asarray(img, dtype=np.float32) + rng.normal(0.0, 10.0, size=(32, 32, 3))
    return np.clip(arr, 0, 255).astype(np.uint8)


def _cifar_batch(n: int, batch_label: str, rng: np.random.Generator) -> dict:
    labels = rng.integers(0, 10, size=n)
    images = [_cifar_image(int(y), rng) for y in labels]
    # 官方格式：每行 3072 个字节，前 1024 个是 R 通道，再 G、再 B，每个通道按行优先存 32×32
    data = (
        np.stack([im.transpose(2, 0, 1).reshape(-1) for im in images])
        if n
        else np.zeros((0, 3072), dtype=np.uint8)
    )
    return {
        "batch_label": batch_label,
        "labels": [int(y) for y in labels],
        "data": data.astype(np.uint8),
        "filenames": [f"{CIFAR10_CLASSES[int(y)]}_s_{i:06d}.png" for i, y in enumerate(labels)],
    }


def write_cifar10(root: Path, n_per_batch: int = 100, seed: int = 0) -> None:
    """在 root/cifar-10-batches-py/ 下按官方 "CIFAR-10 python version" 的格式写出数据文件。

    每个批次文件是一个 pickle 的 dict，键为 data（N×3072 的 uint8 数组）、labels（int 列表）、
    batch_label、filenames；batches.meta 的键为 label_names、num_cases_per_batch、num_vis。
    """
    folder = Path(root) / "cifar-10-batches-py"
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    for i in range(1, 6):
        batch = _cifar_batch(n_per_batch, f"training batch {i} of 5", rng)
        with open(folder / f"data_batch_{i}", "wb") as f:
            pickle.dump(batch, f, protocol=2)
    with open(folder / "test_batch", "wb") as f:
        pickle.dump(_cifar_batch(n_per_batch, "testing batch 1 of 1", rng), f, protocol=2)
    meta = {
        "num_cases_per_batch": n_per_batch,
        "label_names": list(CIFAR10_CLASSES),
        "num_vis": 3072,
    }
    with open(folder / "batches.meta", "wb") as f:
        pickle.dump(meta, f, protocol=2)
    # 官方压缩包里还有一个指向数据集主页的 readme.html
    (folder / "readme.html").write_text(
        '<meta HTTP-EQUIV="REFRESH" content="0; url=https://www.cs.toronto.edu/~kriz/cifar.html">\n',
        encoding="ascii",
    )
