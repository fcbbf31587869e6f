"""张量最常查看的几个属性：shape、dtype、device、ndim、numel。"""

import torch

x = torch.zeros(2, 3, 4)

print("shape:       ", x.shape)  # torch.Size，本质上是一个 tuple
print("size():      ", x.size())  # 与 shape 相同
print("size(1):     ", x.size(1), " shape[-1]:", x.shape[-1])
print("ndim:        ", x.ndim)  # 维数，等于 len(x.shape)
print("numel():     ", x.numel())  # 元素总数 2*3*4
print("dtype:       ", x.dtype)
print("device:      ", x.device)  # 没有指定时，张量创建在 CPU 上
print("element_size:", x.element_size(), "字节/元素")
print("占用字节数：   ", x.numel() * x.element_size())

# torch.Size 可以像 tuple 一样解包和比较
batch, rows, cols = x.shape
print("解包：", batch, rows, cols, " 与元组相等：", x.shape == (2, 3, 4))

# 不同 dtype 每个元素占的字节不同
for dtype in [torch.float32, torch.float16, torch.int64, torch.bool]:
    t = torch.zeros(4, dtype=dtype)
    print(f"{str(dtype):<14} 每个元素 {t.element_size()} 字节，是浮点吗：{t.is_floating_point()}")
