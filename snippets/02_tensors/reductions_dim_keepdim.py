"""归约运算：dim 指定沿哪一维压缩，keepdim=True 保留被压缩的那一维（长度变成 1）。"""

import torch

x = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
print("x 形状：", tuple(x.shape))

print("sum() 全部元素：     ", x.sum())
print("sum(dim=0) 每列之和：", x.sum(dim=0), "形状", tuple(x.sum(dim=0).shape))
print("sum(dim=1) 每行之和：", x.sum(dim=1), "形状", tuple(x.sum(dim=1).shape))
print("sum(dim=-1) 同 dim=1：", x.sum(dim=-1))

kept = x.sum(dim=1, keepdim=True)
print("sum(dim=1, keepdim=True) 形状", tuple(kept.shape))
print(kept)

# keepdim 的用处：结果还能和原张量广播，比如每行减去本行的均值
row_mean = x.mean(dim=1, keepdim=True)  # (2, 1)
print("每行减去行均值：")
print(x - row_mean)
try:
    x - x.mean(dim=1)  # (2, 3) - (2,)：尾部维度 3 和 2 对不上
except RuntimeError as err:
    print("不加 keepdim 报错：", err)

# max / min 带 dim 时同时返回值和下标
values, indices = x.max(dim=1)
print("每行最大值：", values, " 下标：", indices)
print("argmax(dim=0):", x.argmax(dim=0))

# 其他常用归约
print("mean:", x.mean().item(), " std:", round(x.std().item(), 4), " prod(dim=0):", x.prod(dim=0))

# 整数张量求均值会报错：均值一般不是整数，需要先转成浮点
counts = torch.tensor([1, 2, 4])
try:
    counts.mean()
except RuntimeError as err:
    print("整数张量 mean() 报错：", type(err).__name__)
print("转成浮点后：", counts.float().mean())
