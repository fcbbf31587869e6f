"""torch.compile：可选的图模式。用一个只打印图、不做优化的后端，观察它从 Python 函数里捕获了什么。"""

import torch

captured = []


def inspect_backend(gm: torch.fx.GraphModule, example_inputs):
    """自定义编译后端：记录捕获到的 FX 图，然后原样执行（不做任何优化）。"""
    ops = [
        getattr(node.target, "__name__", str(node.target))
        for node in gm.graph.nodes
        if node.op in ("call_function", "call_method")
    ]
    captured.append(ops)
    print(f"  捕获第 {len(captured)} 张图，其中的运算：", ops)
    return gm.forward


def smooth_step(x: torch.Tensor) -> torch.Tensor:
    y = torch.sigmoid(x) * 2 - 1
    return y * y


def with_branch(x: torch.Tensor) -> torch.Tensor:
    y = torch.tanh(x)
    if y.sum() > 0:  # 分支依赖张量的值，图在这里必须断开
        return y + 1
    return y - 1


x = torch.tensor([-1.0, 0.0, 2.0])

print("编译 smooth_step：")
compiled = torch.compile(smooth_step, backend=inspect_backend)
out = compiled(x)
print("  结果与即时执行一致：", torch.allclose(out, smooth_step(x)))
compiled(x + 1)  # 形状、类型都没变：复用已编译的图，不再捕获
print("  第二次调用后捕获的图数量：", len(captured))

captured.clear()
print("编译 with_branch：")
compiled_branch = torch.compile(with_branch, backend=inspect_backend)
out = compiled_branch(x)
print("  结果与即时执行一致：", torch.allclose(out, with_branch(x)))
print("  因为依赖数据的 if，函数被拆成了", len(captured), "张图")
