"""改变形状：view / reshape / transpose / permute / squeeze / unsqueeze / flatten。"""

import torch

x = torch.arange(12)
print("x:", x, "形状", tuple(x.shape))

# view 与 reshape：元素总数不变，只是换一种方式解读这些元素
print("view(3, 4):")
print(x.view(3, 4))
print("reshape(2, -1)，-1 表示由其他维自动推算：", tuple(x.reshape(2, -1).shape))
try:
    x.view(5, -1)  # 12 不能被 5 整除
except RuntimeError as err:
    print("view(5, -1) 报错：", err)

m = x.view(3, 4)
# transpose 交换两个维度；对二维张量 .T 相同
print(
    "m.transpose(0, 1) 形状：",
    tuple(m.transpose(0, 1).shape),
    " 与 m.T 相等：",
    torch.equal(m.transpose(0, 1), m.T),
)

# permute 一次给出全部维度的新顺序，常用于图片 NCHW <-> NHWC
images = torch.zeros(8, 3, 32, 32)  # (批次, 通道, 高, 宽)
nhwc = images.permute(0, 2, 3, 1)
print("NCHW", tuple(images.shape), "-> permute(0, 2, 3, 1) ->", tuple(nhwc.shape))

# unsqueeze 插入长度为 1 的维度，squeeze 去掉长度为 1 的维度
v = torch.tensor([1.0, 2.0, 3.0])
print(
    "v:",
    tuple(v.shape),
    " unsqueeze(0):",
    tuple(v.unsqueeze(0).shape),
    " unsqueeze(1):",
    tuple(v.unsqueeze(1).shape),
)
print("v[None, :] 与 unsqueeze(0) 相同：", tuple(v[None, :].shape))
y = torch.zeros(1, 3, 1, 5)
print(
    "y:",
    tuple(y.shape),
    " squeeze():",
    tuple(y.squeeze().shape),
    " squeeze(0):",
    tuple(y.squeeze(0).shape),
)
print("squeeze(1) 长度不是 1，原样返回：", tuple(y.squeeze(1).shape))

# flatten：把一段连续的维度压平，常用于卷积层输出接全连接层
print("images.flatten(start_dim=1):", tuple(images.flatten(start_dim=1).shape))
print("images.flatten():           ", tuple(images.flatten().shape))

# view 出来的张量与原张量共享数据：改一个，另一个也变
m[0, 0] = 100
print("改 m[0, 0] 之后 x[0] =", x[0].item())
