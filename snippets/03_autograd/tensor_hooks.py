import torch

x = torch.tensor([1.0, 2.0, 3.0])
w = torch.tensor([0.5, -4.0, 2.0], requires_grad=True)

# 钩子一：只查看、不修改。中间结果 h 的梯度本来拿不到，用钩子可以在反向时顺手打印
h = w * x
h.register_hook(lambda grad: print("  h 的梯度流经钩子：", grad))


# 钩子二：改梯度。返回一个新张量就会替换原来的梯度（这里按范数裁剪到 1）
def clip_to_unit_norm(grad):
    norm = grad.norm()
    print(f"  w 的原始梯度范数：{norm.item():.4f}")
    return grad * min(1.0, 1.0 / norm.item())


handle = w.register_hook(clip_to_unit_norm)

loss = (h**2).sum()
print("第一次 backward：")
loss.backward()
print("w.grad（已裁剪）：", w.grad)
print(f"w.grad 的范数：{w.grad.norm().item():.4f}")

# 不再需要时用 handle.remove() 移除钩子
handle.remove()
w.grad = None
loss = ((w * x) ** 2).sum()
print("移除钩子后再次 backward：")
loss.backward()
print("w.grad（未裁剪）：", w.grad)
