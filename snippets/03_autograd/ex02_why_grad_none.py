import warnings

import torch

warnings.simplefilter("ignore")  # 访问非叶子张量的 .grad 会发警告，这里只看结果
x = torch.tensor([1.0, 2.0, 3.0])

# 情况 1：参数不是叶子张量（创建后又乘了一个数）
w = torch.ones(3, requires_grad=True) * 0.5
(w * x).sum().backward()
print("情况 1  w.is_leaf =", w.is_leaf, " w.grad =", w.grad)
w = (torch.ones(3) * 0.5).requires_grad_()  # 修正：先算好，再打开 requires_grad
(w * x).sum().backward()
print("  修正后 w.grad =", w.grad)

# 情况 2：前向在 torch.no_grad() 里做了，没有计算图
w = torch.full((3,), 0.5, requires_grad=True)
with torch.no_grad():
    loss = (w * x).sum()
try:
    loss.backward()
except RuntimeError as err:
    print("情况 2  backward 报错：", err)
loss = (w * x).sum()  # 修正：把需要求导的前向放到 no_grad 外面
loss.backward()
print("  修正后 w.grad =", w.grad)

# 情况 3：中途用 .item() / .detach() / numpy 把值取了出来，链条断开
w = torch.full((3,), 0.5, requires_grad=True)
s = (w * x).sum().item()  # 变成了 Python 浮点数
loss = torch.tensor(s) ** 2
print("情况 3  loss.requires_grad =", loss.requires_grad, "（梯度传不回 w）")
loss = (w * x).sum() ** 2  # 修正：全程用张量运算
loss.backward()
print("  修正后 w.grad =", w.grad)
