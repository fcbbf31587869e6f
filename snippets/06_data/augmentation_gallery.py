import matplotlib

matplotlib.use("Agg")  # 不弹窗口，直接画到文件
import matplotlib.pyplot as plt  # noqa: E402
import torch  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from torchvision.transforms import v2  # noqa: E402

torch.manual_seed(0)


def make_scene() -> Image.Image:
    """画一张 96×96 的小图：天空、太阳、房子和一个字母 R（左右不对称，翻转一眼可见）。"""
    img = Image.new("RGB", (96, 96), (135, 190, 235))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 70, 95, 95), fill=(80, 160, 70))  # 草地
    draw.ellipse((6, 6, 26, 26), fill=(250, 210, 40))  # 太阳在左上角
    draw.rectangle((50, 40, 84, 72), fill=(200, 90, 60))  # 房子
    draw.polygon([(46, 42), (67, 22), (88, 42)], fill=(120, 50, 40))  # 屋顶
    draw.rectangle((62, 54, 72, 72), fill=(70, 40, 20))  # 门
    draw.text((14, 40), "R", fill=(20, 20, 20), font_size=28)
    return img


scene = make_scene()
singles = {
    "original": v2.Identity(),
    "RandomResizedCrop": v2.RandomResizedCrop(size=(96, 96), scale=(0.3, 0.6), antialias=True),
    "RandomHorizontalFlip": v2.RandomHorizontalFlip(p=1.0),
    "ColorJitter": v2.ColorJitter(brightness=0.5, contrast=0.5, saturation=0.5, hue=0.1),
    "RandomRotation": v2.RandomRotation(degrees=30),
}
pipeline = v2.Compose(
    [
        v2.RandomResizedCrop(size=(96, 96), scale=(0.4, 1.0), antialias=True),
        v2.RandomHorizontalFlip(p=0.5),
        v2.ColorJitter(brightness=0.4, contrast=0.4, saturation=0.4, hue=0.05),
        v2.RandomRotation(degrees=15),
    ]
)

image = v2.ToImage()(scene)  # uint8 张量 (3, 96, 96)，增强直接作用在张量上
fig, axes = plt.subplots(2, 5, figsize=(10, 4.8))
for ax, (name, tf) in zip(axes[0], singles.items(), strict=True):
    out = tf(image)
    ax.imshow(out.permute(1, 2, 0).numpy())  # CHW -> HWC 才能画
    ax.set_title(name, fontsize=9)
    print(f"{name:<22} 输出形状 {tuple(out.shape)} dtype {out.dtype}")
for i, ax in enumerate(axes[1]):
    out = pipeline(image)
    ax.imshow(out.permute(1, 2, 0).numpy())
    ax.set_title(f"pipeline sample {i + 1}", fontsize=9)
for ax in axes.flat:
    ax.axis("off")
fig.suptitle("Top: one augmentation at a time.  Bottom: the same random pipeline, 5 draws")
fig.tight_layout()
fig.savefig("augmentations.png", dpi=100)
print("同一张图经过同一条随机流水线 5 次，得到 5 个不同的训练样本")
print("已保存 augmentations.png")
