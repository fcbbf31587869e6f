"""习题 3：消除 .item() 和 Python 分支造成的图中断，让函数能用 fullgraph=True 编译。"""

import torch


def clip_by_norm(x, max_norm=1.0):
    norm = x.norm().item()  # 把张量变成 Python 数：图在这里断开
    if norm > max_norm:  # Python 分支
        x = x * (max_norm / norm)
    return x


def clip_by_norm_traceable(x, max_norm=1.0):
    norm = x.norm()
    # 缩放系数 = min(1, max_norm / norm)；全程是张量运算，没有 Python 分支
    scale = torch.clamp(max_norm / (norm + 1e-12), max=1.0)
    return x * scale


torch.manual_seed(0)
inputs = [torch.randn(10) * s for s in (0.01, 1.0, 5.0)]

for fn in [clip_by_norm, clip_by_norm_traceable]:
    torch._dynamo.reset()
    info = torch._dynamo.explain(fn)(inputs[2])
    print(f"{fn.__name__:<24} 计算图 {info.graph_count} 个，图中断 {info.graph_break_count} 次")

compiled = torch.compile(clip_by_norm_traceable, fullgraph=True, backend="eager")
for x in inputs:
    expected = clip_by_norm(x)
    torch.testing.assert_close(compiled(x), expected)
    print(f"输入范数 {x.norm():.3f} -> 裁剪后 {expected.norm():.3f}，两种写法一致")
