"""原地操作（in-place operation）：名字以下划线结尾，直接改写原张量，省内存但有代价。"""

import torch

a = torch.tensor([1.0, 2.0, 3.0])
ptr = a.data_ptr()

b = a.add(10)  # 非原地：返回新张量，a 不变
print("a.add(10) 之后 a =", a, " 新张量 b =", b)
a.add_(10)  # 原地：直接改 a
print("a.add_(10) 之后 a =", a, " 还是同一块内存：", a.data_ptr() == ptr)

# += 对张量也是原地操作；a = a + 1 则是新建张量再让名字指向它
a += 1
print("a += 1 之后仍是同一块内存：", a.data_ptr() == ptr)
a = a + 1
print("a = a + 1 之后仍是同一块内存：", a.data_ptr() == ptr)

# 其他常见的原地操作
t = torch.tensor([-1.0, 0.5, 2.0])
t.clamp_(min=0.0).mul_(2)  # 原地操作返回自身，可以连写
print("clamp_ 再 mul_：", t)
t.zero_()
print("zero_():", t)

# 代价 1：会连带修改共享同一内存的视图
base = torch.arange(4.0)
view = base[1:3]
view.mul_(100)
print("改视图后 base =", base)

# 代价 2：自动微分需要的中间结果被改写后，反向传播会报错
x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x.sigmoid()  # sigmoid 的梯度要用到它自己的输出 y
y.mul_(2)  # 原地改写了 y
try:
    y.sum().backward()
except RuntimeError as err:
    print("反向传播报错，信息里提到 inplace：", "inplace" in str(err))

# 需要梯度的叶子张量也不能直接原地修改
try:
    x.add_(1)
except RuntimeError as err:
    print("叶子张量原地修改报错：", err)

# 确实要改（比如手写参数更新）时，放进 torch.no_grad()
with torch.no_grad():
    x.sub_(0.1 * torch.ones(3))
print("no_grad 中更新后：", x)
