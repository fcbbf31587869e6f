import warnings

import torch

# 直接创建、requires_grad=True 的张量是叶子张量
w = torch.tensor([1.0, -2.0, 3.0], requires_grad=True)

# 常见陷阱：对需要梯度的张量再做一次运算，得到的就不是叶子了
w_scaled = torch.tensor([1.0, -2.0, 3.0], requires_grad=True) * 0.1
print("w 是叶子吗：", w.is_leaf, "  w_scaled 是叶子吗：", w_scaled.is_leaf)

h = w * 2  # 中间结果（非叶子张量）
h.retain_grad()  # 请求保留中间结果的梯度
z = w * 3  # 另一个中间结果，不调用 retain_grad
loss = (h * z).sum()
loss.backward()

print("w.grad:", w.grad)
print("h.grad（调用了 retain_grad）：", h.grad)
with warnings.catch_warnings():
    # 访问非叶子张量的 .grad 会得到 None 并发出警告，这里把警告静音
    warnings.simplefilter("ignore")
    print("z.grad（没有 retain_grad）：", z.grad)
print("h.retains_grad:", h.retains_grad, "  z.retains_grad:", z.retains_grad)

# 正确地得到一个缩放过的叶子参数：在 no_grad 里做初始化，或先算好再打开 requires_grad
w_ok = (torch.tensor([1.0, -2.0, 3.0]) * 0.1).requires_grad_()
print("w_ok 是叶子吗：", w_ok.is_leaf, "  requires_grad:", w_ok.requires_grad)
