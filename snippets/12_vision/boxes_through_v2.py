import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from torchvision import tv_tensors
from torchvision.transforms import v2
from torchvision.utils import draw_bounding_boxes

torch.manual_seed(0)

# 一张 64×96（高×宽）的图：左边一个红色方块，右边一个绿色长条
image = torch.full((3, 64, 96), 40, dtype=torch.uint8)
image[:, 10:40, 8:38] = torch.tensor([220, 60, 60]).view(3, 1, 1)
image[:, 30:56, 60:90] = torch.tensor([60, 200, 90]).view(3, 1, 1)
sample = {
    "image": tv_tensors.Image(image),
    # BoundingBoxes 记住了格式和画布大小，v2 变换据此移动框
    "boxes": tv_tensors.BoundingBoxes(
        [[8.0, 10.0, 38.0, 40.0], [60.0, 30.0, 90.0, 56.0]], format="XYXY", canvas_size=(64, 96)
    ),
    "labels": torch.tensor([1, 2]),  # 普通张量：变换原样传过去
}
print("原图：", tuple(sample["image"].shape), sample["boxes"].tolist())

# 翻转 + 缩放：图像和框一起变
flip_resize = v2.Compose([v2.RandomHorizontalFlip(p=1.0), v2.Resize((32, 48))])
out1 = flip_resize(sample)
print("翻转并缩小一半：", tuple(out1["image"].shape), out1["boxes"].tolist())
print("类型与画布：", type(out1["boxes"]).__name__, out1["boxes"].canvas_size)

# 旋转：框变成包住旋转后区域的外接矩形
rotate = v2.RandomRotation(degrees=(30, 30))
out2 = rotate(sample)
print("旋转 30 度：", [[round(v, 1) for v in b] for b in out2["boxes"].tolist()])

# 随机裁剪把某个框裁没了：SanitizeBoundingBoxes 删掉退化的框，连同它在 labels 里的那一项
crop = v2.Compose([v2.RandomCrop((64, 48)), v2.SanitizeBoundingBoxes()])
torch.manual_seed(8)  # 这个种子让裁剪窗口落在最左边
out3 = crop(sample)
print("裁剪出宽 48 的一块后：", out3["boxes"].tolist(), "标签", out3["labels"].tolist())


def show(ax, s, title):
    drawn = draw_bounding_boxes(s["image"], s["boxes"], colors="yellow", width=1)
    ax.imshow(drawn.permute(1, 2, 0))
    ax.set_title(title)
    ax.axis("off")


fig, axes = plt.subplots(1, 4, figsize=(10, 2.2))
for ax, s, t in zip(
    axes, [sample, out1, out2, out3], ["original", "flip+resize", "rotate 30", "crop"], strict=True
):
    show(ax, s, t)
fig.tight_layout()
fig.savefig("boxes_v2.png", dpi=100)
