import torch
import torchvision.io as tvio
from torchvision import tv_tensors
from torchvision.transforms import v2

torch.manual_seed(0)

# 1. io：造一张 48x64 的图（灰底上一个红色方块），编码成 PNG 再解码回来
image = torch.full((3, 48, 64), 60, dtype=torch.uint8)
image[:, 10:30, 8:24] = torch.tensor([220, 30, 30], dtype=torch.uint8).view(3, 1, 1)
data = tvio.encode_png(image)  # 一维 uint8 张量，就是 PNG 文件的字节；write_png 会把它写进文件
decoded = tvio.decode_image(data)  # 也可以直接传文件路径
print(f"PNG 字节：{data.dtype}，文件头 {bytes(data[1:4].tolist())}")
print(f"解码：{tuple(decoded.shape)} {decoded.dtype}，与原图相同：{torch.equal(decoded, image)}")
print(f"torchvision.io 还能读视频吗：{hasattr(tvio, 'read_video')}")

# 2. v2 变换：图片、边框、掩码一起变，坐标自动跟着走
img = tv_tensors.Image(decoded)
boxes = tv_tensors.BoundingBoxes([[8, 10, 24, 30]], format="XYXY", canvas_size=(48, 64))
mask = tv_tensors.Mask((decoded[0] > 128).to(torch.uint8)[None])
pipeline = v2.Compose(
    [
        v2.RandomHorizontalFlip(p=1.0),  # p=1：一定翻转，方便核对坐标
        v2.Resize((96, 128)),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean=[0.5, 0.5, 0.5], std=[0.5, 0.5, 0.5]),
    ]
)
out_img, out_boxes, out_mask = pipeline(img, boxes, mask)
print(f"图片：{type(out_img).__name__} {tuple(out_img.shape)} {out_img.dtype}")
print(f"像素范围：[{out_img.min():.1f}, {out_img.max():.1f}]")
print(f"边框：{out_boxes.tolist()}，画布 {out_boxes.canvas_size}")
print(f"掩码：{type(out_mask).__name__} {tuple(out_mask.shape)} 前景像素 {int(out_mask.sum())}")

# 3. 掩码的外接框应当与变换后的边框一致
ys, xs = torch.nonzero(out_mask[0], as_tuple=True)
print(f"掩码外接框：{[int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1]}")
