import torch

torch.manual_seed(0)

# 一个最小的线性模型：y = w * x + b，损失是与目标 t 的平方误差
x = torch.tensor(2.0)  # 输入数据，不需要梯度
t = torch.tensor(7.0)  # 目标值，不需要梯度
w = torch.tensor(1.5, requires_grad=True)  # 参数：叶子张量，需要梯度
b = torch.tensor(0.5, requires_grad=True)  # 参数：叶子张量，需要梯度

y = w * x + b
loss = (y - t) ** 2

print("y =", y.item(), " loss =", loss.item())
print()
print("各张量的属性：")
for name, tensor in [("x", x), ("w", w), ("b", b), ("y", y), ("loss", loss)]:
    fn = type(tensor.grad_fn).__name__ if tensor.grad_fn is not None else None
    print(
        f"  {name:<4} requires_grad={tensor.requires_grad!s:<5} is_leaf={tensor.is_leaf!s:<5} grad_fn={fn}"
    )


def walk(fn, depth=0):
    """从 loss.grad_fn 出发，沿 next_functions 递归打印反向图。"""
    if fn is None:
        # None 表示这条输入边不需要梯度（比如来自 x 或 t）
        print("  " * depth + "None（不需要梯度的输入）")
        return
    label = type(fn).__name__
    if label == "AccumulateGrad":
        # AccumulateGrad 是叶子张量的梯度接收端，它的 variable 就是那个叶子
        leaf = fn.variable
        name = "w" if leaf is w else "b"
        label += f"  -> 写入 {name}.grad"
    print("  " * depth + label)
    for next_fn, _ in fn.next_functions:
        walk(next_fn, depth + 1)


print()
print("反向图（从 loss 往回走）：")
walk(loss.grad_fn)

# 反向传播：沿着上面这张图把梯度送回叶子张量
loss.backward()
print()
print("dloss/dw =", w.grad.item(), "  手算 2*(w*x+b-t)*x =", (2 * (1.5 * 2 + 0.5 - 7) * 2))
print("dloss/db =", b.grad.item(), "  手算 2*(w*x+b-t)   =", (2 * (1.5 * 2 + 0.5 - 7)))
print("x.grad =", x.grad, "（x 不需要梯度，所以没有 .grad）")
