import torch
from PIL import Image, ImageDraw
from torchvision import tv_tensors
from torchvision.transforms import v2

torch.manual_seed(0)

# 一张 80×60 的 PIL 图片：左半红、右半蓝，中间一个白色方块
pil = Image.new("RGB", (80, 60), (200, 30, 30))
ImageDraw.Draw(pil).rectangle((40, 0, 79, 59), fill=(30, 30, 200))
ImageDraw.Draw(pil).rectangle((30, 20, 49, 39), fill=(255, 255, 255))
print("原图：PIL 图片，尺寸(宽, 高) =", pil.size, "模式", pil.mode)

# 逐步看每一步把数据变成了什么
image = v2.ToImage()(pil)
print("ToImage 之后：tv_tensors.Image", tuple(image.shape), image.dtype)
print("  它也是普通张量吗？", isinstance(image, torch.Tensor))
image = v2.ToDtype(torch.float32, scale=True)(image)
print(f"ToDtype(scale=True) 之后：{image.dtype}，取值范围 [{image.min():.1f}, {image.max():.1f}]")
mean, std = [0.5, 0.5, 0.5], [0.25, 0.25, 0.25]
image = v2.Normalize(mean, std)(image)
print(f"Normalize 之后：取值范围 [{image.min():.2f}, {image.max():.2f}]")

# 训练用：带随机增强；评估用：只做确定性的尺寸调整与归一化
train_tf = v2.Compose(
    [
        v2.ToImage(),
        v2.RandomResizedCrop(size=(32, 32), scale=(0.5, 1.0), antialias=True),
        v2.RandomHorizontalFlip(p=0.5),
        v2.ColorJitter(brightness=0.3, contrast=0.3, saturation=0.3),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean, std),
    ]
)
eval_tf = v2.Compose(
    [
        v2.ToImage(),
        v2.Resize((32, 32), antialias=True),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean, std),
    ]
)
a, b = train_tf(pil), train_tf(pil)
print(f"\n训练变换两次的结果形状：{tuple(a.shape)}  两次是否相同：{torch.equal(a, b)}")
c, d = eval_tf(pil), eval_tf(pil)
print(f"评估变换两次的结果形状：{tuple(c.shape)}  两次是否相同：{torch.equal(c, d)}")

# v2 能同时变换图片和它的标注：翻转图片时，框的坐标跟着翻（图宽 80）
boxes = tv_tensors.BoundingBoxes([[5, 10, 25, 30]], format="XYXY", canvas_size=(60, 80))
flipped_img, flipped_boxes = v2.RandomHorizontalFlip(p=1.0)(v2.ToImage()(pil), boxes)
print(f"\n翻转前的框：{boxes.tolist()}  翻转后的框：{flipped_boxes.tolist()}")
print(f"翻转后左上角像素（原来是红色）：{flipped_img[:, 0, 0].tolist()}")
