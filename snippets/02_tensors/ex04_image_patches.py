"""习题 4 参考答案：把一张 4x4 的单通道图片切成 4 个 2x2 的小块，每块展平成一行。"""

import torch

image = torch.arange(16).reshape(1, 4, 4)  # (C, H, W)
print("原图：")
print(image[0])

c, h, w = image.shape
p = 2  # 小块边长
# 第一步：把 H 拆成 (块行号, 块内行号)，W 拆成 (块列号, 块内列号)
blocks = image.reshape(c, h // p, p, w // p, p)  # (C, 2, 2, 2, 2)
# 第二步：把块行号、块列号两维挪到前面，块内的行列放到后面
blocks = blocks.permute(1, 3, 0, 2, 4)  # (块行, 块列, C, 块内行, 块内列)
print("permute 之后连续吗：", blocks.is_contiguous())
# 第三步：合并维度。不连续时 view 会失败，reshape 会自动复制
patches = blocks.reshape(-1, c * p * p)
print("patches 形状：", tuple(patches.shape))
print(patches)

# 检查：第 1 块（右上角）应该等于原图的 image[0, 0:2, 2:4]
print("右上角的块对得上：", torch.equal(patches[1], image[0, 0:2, 2:4].flatten()))

# 对照：torch.nn.functional.unfold 也能切块，但它把块放在最后一维
unfolded = torch.nn.functional.unfold(image[None].float(), kernel_size=p, stride=p)
print(
    "unfold 的形状：",
    tuple(unfolded.shape),
    " 转置后与手写一致：",
    torch.equal(unfolded[0].T.long(), patches),
)
