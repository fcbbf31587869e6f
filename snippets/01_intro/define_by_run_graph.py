"""动态计算图（define-by-run）：图在代码运行时才搭起来，每次运行都可以不一样。"""

import torch


def graph_ops(t: torch.Tensor) -> list[str]:
    """从输出的 grad_fn 往回走，按执行顺序列出计算图里的反向节点名。"""
    names = []
    node = t.grad_fn
    while node is not None:
        names.append(type(node).__name__)
        # 只沿第一个有 grad_fn 的输入往回走，足够看清这条链
        parents = [fn for fn, _ in node.next_functions if fn is not None]
        node = parents[0] if parents else None
    return list(reversed(names))


def model(x: torch.Tensor) -> torch.Tensor:
    # 根据输入的值选择不同的运算：每次调用搭出的计算图可能不同
    if x.sum() > 0:
        return (x * 2).exp().sum()
    return (x**2).sin().mean()


for values in ([1.0, 2.0], [-1.0, -2.0]):
    x = torch.tensor(values, requires_grad=True)
    y = model(x)
    y.backward()
    print("输入：", values)
    print("  这次搭出的计算图：", " -> ".join(graph_ops(y)))
    print("  输出：", round(y.item(), 4), " 梯度：", x.grad)

# 普通张量没有 grad_fn；requires_grad=True 的叶子张量（leaf tensor）由用户创建，也没有 grad_fn
a = torch.tensor([1.0, 2.0], requires_grad=True)
b = a * 3
print("a 是叶子张量：", a.is_leaf, " a.grad_fn:", a.grad_fn)
print("b 是叶子张量：", b.is_leaf, " b.grad_fn 的类型：", type(b.grad_fn).__name__)
