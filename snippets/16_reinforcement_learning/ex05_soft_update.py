import copy

import torch
from torch import nn

torch.manual_seed(0)
q_net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 2))
target_net = copy.deepcopy(q_net)
with torch.no_grad():
    for p in q_net.parameters():
        p.add_(1.0)  # 假设在线网络已经学走了：每个参数都比目标网络大 1


@torch.no_grad()
def soft_update(target, online, tau):
    """Polyak 平均：θ_target ← (1-τ) θ_target + τ θ_online。"""
    for p_target, p_online in zip(target.parameters(), online.parameters(), strict=True):
        p_target.lerp_(p_online, tau)  # 原地插值：p_target += τ (p_online - p_target)


def gap(a, b):
    return max(
        (p - q).abs().max().item() for p, q in zip(a.parameters(), b.parameters(), strict=True)
    )


tau = 0.01
for step in range(1, 301):
    soft_update(target_net, q_net, tau)
    if step in (1, 69, 100, 300):
        print(
            f"第 {step:3d} 次软更新后，最大差距 {gap(q_net, target_net):.4f}，理论值 (1-τ)^n = {(1 - tau) ** step:.4f}"
        )
