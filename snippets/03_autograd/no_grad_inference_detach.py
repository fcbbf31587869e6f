import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)

# 1. torch.no_grad()：块内的运算不记录计算图
with torch.no_grad():
    a = w * 2
print("no_grad:        requires_grad =", a.requires_grad, " grad_fn =", a.grad_fn)

# 2. torch.inference_mode()：同样不记图，还省掉版本计数等额外开销
with torch.inference_mode():
    b = w * 2
print("inference_mode: requires_grad =", b.requires_grad, " is_inference =", b.is_inference())

# 3. detach()：从计算图上摘下来，与原张量共享同一块存储
c = (w * 2).detach()
print("detach:         requires_grad =", c.requires_grad, " grad_fn =", c.grad_fn)

# 结果能否重新参与自动微分？
print()
(a * w).sum().backward()
print("no_grad 的结果再与 w 相乘并 backward：可以，w.grad =", w.grad)
w.grad = None
(c * w).sum().backward()
print("detach 的结果再与 w 相乘并 backward：可以，w.grad =", w.grad)
try:
    (b * w).sum().backward()
except RuntimeError as err:
    print("inference_mode 的结果参与 backward：报错 ->", str(err).split(".")[0])
b_normal = b.clone()  # 在 inference_mode 之外 clone，得到普通张量
(b_normal * w).sum().backward()
print("先 clone() 再参与 backward：可以，is_inference =", b_normal.is_inference())

# detach 共享存储：改它会影响原张量（原地修改要小心）
base = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
view = base.detach()
view[0] = 100.0
print()
print("修改 detach 出来的张量后，原张量：", base)
