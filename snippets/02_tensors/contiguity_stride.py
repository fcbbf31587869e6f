"""内存布局：步幅（stride）、连续（contiguous），以及 view 为什么在 transpose 之后失败。"""

import torch

x = torch.arange(6).reshape(2, 3)
print("x:")
print(x)
# 步幅：沿每一维走一步，在底层一维存储里要跳过几个元素
print("x 形状", tuple(x.shape), " 步幅", x.stride(), " 连续：", x.is_contiguous())

t = x.T  # 转置不搬动数据，只是交换了形状和步幅
print("x.T 形状", tuple(t.shape), " 步幅", t.stride(), " 连续：", t.is_contiguous())
print("x.T 与 x 共享存储：", t.data_ptr() == x.data_ptr())
print("底层存储顺序仍是：", x.flatten().tolist(), " 而 x.T 按行读应为：", t.flatten().tolist())

# view 要求新形状能用原来的存储 + 新步幅表示；转置后做不到
try:
    t.view(6)
except RuntimeError as err:
    print("x.T.view(6) 报错：", str(err).split(" (")[0])

# 两种修法：先 .contiguous() 再 view，或直接用 reshape
c = t.contiguous()
print(
    "contiguous() 之后 步幅",
    c.stride(),
    " 连续：",
    c.is_contiguous(),
    " 复制了数据：",
    c.data_ptr() != t.data_ptr(),
)
print("c.view(6):        ", c.view(6))
r = t.reshape(6)
print("t.reshape(6):     ", r, " 复制了数据：", r.data_ptr() != t.data_ptr())

# 连续张量上 reshape 不复制，返回的是视图
r2 = x.reshape(3, 2)
print("x.reshape(3, 2) 复制了数据：", r2.data_ptr() != x.data_ptr())

# 对已经连续的张量，contiguous() 直接返回自身
print("x.contiguous() is x:", x.contiguous() is x)

# 切片也是视图：起点偏移不同，但用的是同一块存储
col = x[:, 1]
print(
    "x[:, 1] 步幅", col.stride(), " 连续：", col.is_contiguous(), " 存储偏移", col.storage_offset()
)
print(
    "与 x 共享同一块存储：",
    col.untyped_storage().data_ptr() == x.untyped_storage().data_ptr(),
)
