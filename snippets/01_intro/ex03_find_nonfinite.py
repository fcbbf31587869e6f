"""习题 3：利用即时执行，逐步检查中间结果，找出第一个产生 NaN 或 inf 的步骤。"""

import torch

x = torch.tensor([4.0, 1.0, 2.0])

steps = [
    ("减去 1", lambda t: t - 1),
    ("取平方根", torch.sqrt),
    ("取对数", torch.log),
    ("乘以 10", lambda t: t * 10),
    ("取倒数", lambda t: 1 / t),
]

t = x
for name, fn in steps:
    t = fn(t)
    ok = torch.isfinite(t)  # 逐元素判断是否为有限数
    print(f"{name} -> {t}")
    if not ok.all():
        bad = (~ok).nonzero().flatten().tolist()
        print(f"第一次出现非有限值的步骤是“{name}”，位置 {bad}")
        break
