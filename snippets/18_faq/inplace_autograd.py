import torch

torch.manual_seed(0)

# 错误一：sigmoid 的反向传播要用到它自己的输出，原地修改后数据就对不上了
x = torch.randn(3, requires_grad=True)
y = torch.sigmoid(x)
y.mul_(2)  # 原地操作，y 的版本号从 0 变成 1
try:
    y.sum().backward()
except RuntimeError as e:
    first_line = str(e).splitlines()[0]
    print("异常类型：", type(e).__name__)
    print("是原地修改导致的：", "modified by an inplace operation" in first_line)
    print("被改掉的是 Sigmoid 的输出：", "output 0 of Sigmoid" in first_line)

# 修正：改成非原地写法，得到一个新张量，sigmoid 保存的输出保持原样
y = torch.sigmoid(x)
z = y * 2
z.sum().backward()
print("梯度：", x.grad)

# 错误二：直接原地修改需要梯度的叶子张量（常见于手写参数更新）
w = torch.ones(3, requires_grad=True)
try:
    w -= 0.1
except RuntimeError as e:
    print(f"{type(e).__name__}：{str(e).splitlines()[0]}")

# 修正：参数更新不该被记录进计算图，放进 torch.no_grad()
with torch.no_grad():
    w -= 0.1
print("更新后的 w：", w)
