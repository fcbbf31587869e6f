"""torchvision.io.decode_image：不经过 PIL，直接把图片文件解码成 uint8 张量。"""

from pathlib import Path

import torch
from PIL import Image
from torchvision.io import ImageReadMode, decode_image, read_file
from torchvision.transforms import v2

# 先在当前目录准备两张图：一张彩色 PNG、一张灰度 JPEG
torch.manual_seed(0)
rgb = (torch.rand(24, 32, 3) * 255).to(torch.uint8).numpy()
photos = Path("photos")
photos.mkdir(exist_ok=True)
Image.fromarray(rgb).save(photos / "color.png")
Image.fromarray(rgb[:, :, 0]).save(photos / "gray.jpg", quality=90)

# 直接传文件路径：返回 (C, H, W) 的 uint8 张量，格式由文件内容判断
img = decode_image(photos / "color.png")
print(f"color.png：{tuple(img.shape)} {img.dtype}")
print(
    f"与写入的像素完全相同（PNG 无损）：{torch.equal(img.permute(1, 2, 0), torch.from_numpy(rgb))}"
)

gray = decode_image(photos / "gray.jpg")
print(f"gray.jpg 默认：{tuple(gray.shape)}")
# mode 统一通道数，作用相当于 PIL 的 .convert("RGB")
gray_rgb = decode_image(photos / "gray.jpg", mode=ImageReadMode.RGB)
print(f"gray.jpg 按 RGB 读：{tuple(gray_rgb.shape)}")

# 也可以先读出原始字节（例如来自压缩包或网络），再解码
raw = read_file(str(photos / "color.png"))  # 一维 uint8 张量，就是文件的字节
same_size = raw.numel() == (photos / "color.png").stat().st_size
print(f"read_file：{raw.dtype} 的一维张量，长度等于文件字节数：{same_size}")
print(f"从字节解码的结果相同：{torch.equal(decode_image(raw), img)}")

# 解码结果可以直接交给 transforms.v2
to_float = v2.Compose([v2.ToImage(), v2.ToDtype(torch.float32, scale=True)])
x = to_float(img)
print(f"ToDtype 之后：{x.dtype}，取值范围 [{x.min():.2f}, {x.max():.2f}]")
