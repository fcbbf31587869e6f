"""常用学习率调度器：把每一步实际使用的学习率画出来，并打印几个关键步。"""

import matplotlib.pyplot as plt
import torch
from torch.optim import lr_scheduler as sched

total_steps, base_lr, warmup = 100, 0.1, 10


def make_optimizer():
    # 调度器只改 optimizer.param_groups 里的 lr，用一个假参数就够了
    return torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr, momentum=0.9)


def warmup_then_linear_decay(step):
    # LambdaLR 的函数返回“倍数”，实际 lr = base_lr * 倍数
    if step < warmup:
        return (step + 1) / warmup
    return max(0.0, (total_steps - step) / (total_steps - warmup))


builders = {
    "StepLR(step_size=30, gamma=0.1)": lambda o: sched.StepLR(o, step_size=30, gamma=0.1),
    "CosineAnnealingLR(T_max=100, eta_min=1e-3)": lambda o: sched.CosineAnnealingLR(
        o, T_max=total_steps, eta_min=1e-3
    ),
    "CosineAnnealingWarmRestarts(T_0=20, T_mult=2)": lambda o: sched.CosineAnnealingWarmRestarts(
        o, T_0=20, T_mult=2
    ),
    "OneCycleLR(max_lr=0.1)": lambda o: sched.OneCycleLR(
        o, max_lr=base_lr, total_steps=total_steps
    ),
    "LinearLR warm-up + Cosine (SequentialLR)": lambda o: sched.SequentialLR(
        o,
        schedulers=[
            sched.LinearLR(o, start_factor=0.1, total_iters=warmup),
            sched.CosineAnnealingLR(o, T_max=total_steps - warmup),
        ],
        milestones=[warmup],
    ),
    "LambdaLR: warm-up + linear decay": lambda o: sched.LambdaLR(o, warmup_then_linear_decay),
}

show = [0, 5, 10, 30, 60, 99]
curves = {}
print(f"步：{show}")
for name, build in builders.items():
    optimizer = make_optimizer()
    scheduler = build(optimizer)
    lrs, moms = [], []
    for _ in range(total_steps):
        # 记录这一步真正使用的 lr，然后 optimizer.step() 在前、scheduler.step() 在后
        lrs.append(optimizer.param_groups[0]["lr"])
        moms.append(optimizer.param_groups[0]["momentum"])
        optimizer.step()
        scheduler.step()
    curves[name] = lrs
    print(f"{name}\n    lr: {[round(lrs[s], 5) for s in show]}")
    if name.startswith("OneCycle"):
        print(f"    momentum: {[round(moms[s], 3) for s in show]}")

fig, axes = plt.subplots(2, 3, figsize=(13, 6.5), sharex=True)
for ax, (name, lrs) in zip(axes.flat, curves.items(), strict=True):
    ax.plot(range(total_steps), lrs)
    ax.set_title(name, fontsize=9)
    ax.set_ylim(0, base_lr * 1.1)
    ax.grid(alpha=0.3)
for ax in axes[1]:
    ax.set_xlabel("step")
for ax in axes[:, 0]:
    ax.set_ylabel("learning rate")
fig.tight_layout()
fig.savefig("lr_schedules.png", dpi=100)
print("已保存 lr_schedules.png")
