"""习题 1 参考答案：手写广播形状推导，并与 torch.broadcast_shapes 对照。"""

import torch


def broadcast_shape(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    """按广播规则推导结果形状；不兼容时抛出 ValueError。"""
    # 在较短的形状前面补 1，使两者维数相同，相当于从右往左对齐
    n = max(len(a), len(b))
    a = (1,) * (n - len(a)) + tuple(a)
    b = (1,) * (n - len(b)) + tuple(b)
    result = []
    for da, db in zip(a, b, strict=True):
        if da == db or db == 1:
            result.append(da)
        elif da == 1:
            result.append(db)
        else:
            raise ValueError(f"维度 {da} 和 {db} 不兼容")
    return tuple(result)


cases = [
    ((4, 3), (3,)),
    ((4, 3), (4,)),
    ((4, 1), (3,)),
    ((2, 1, 5), (3, 1)),
    ((6, 1, 4), (6, 4)),
    ((1,), (2, 3, 4)),
]
for a, b in cases:
    try:
        mine = broadcast_shape(a, b)
    except ValueError as err:
        mine = f"报错（{err}）"
    try:
        ref = tuple(torch.broadcast_shapes(a, b))
    except RuntimeError:
        ref = "报错"
    print(f"{a!s:<10} 与 {b!s:<10} -> torch：{ref!s:<10} 手写：{mine}")
