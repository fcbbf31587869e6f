"""习题 2：用 LambdaLR 写“线性预热 + 余弦退火”，并与 SequentialLR 的组合逐步对照。"""

import math

import torch
from torch.optim import lr_scheduler as sched

total, warmup, base_lr, start_factor = 50, 5, 0.1, 0.1


def warmup_cosine(step):
    """返回第 step 步的学习率倍数。"""
    if step < warmup:
        # 从 start_factor 线性升到 1
        return start_factor + (1 - start_factor) * step / warmup
    progress = (step - warmup) / (total - warmup)
    return 0.5 * (1 + math.cos(math.pi * progress))


def lr_sequence(make_scheduler):
    param = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([param], lr=base_lr)
    scheduler = make_scheduler(optimizer)
    lrs = []
    for _ in range(total):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return torch.tensor(lrs)


mine = lr_sequence(lambda o: sched.LambdaLR(o, warmup_cosine))
builtin = lr_sequence(
    lambda o: sched.SequentialLR(
        o,
        [
            sched.LinearLR(o, start_factor=start_factor, total_iters=warmup),
            sched.CosineAnnealingLR(o, T_max=total - warmup),
        ],
        milestones=[warmup],
    )
)
for step in [0, 2, 4, 5, 6, 20, 40, 49]:
    print(f"第 {step:2d} 步  LambdaLR {mine[step]:.6f}  SequentialLR {builtin[step]:.6f}")
print(f"两者一致：{torch.allclose(mine, builtin, atol=1e-6)}")
