import torch
from torch import nn

torch.manual_seed(0)
# 目标域的 5 个无标签批次，真实均值约为 3
batches = [torch.randn(64, 4) + 3.0 for _ in range(5)]
true_mean = torch.cat(batches).mean(0).mean().item()


def reestimate(momentum):
    bn = nn.BatchNorm1d(4)  # 假装它带着源域的统计量：均值 0，方差 1
    bn.reset_running_stats()
    bn.momentum = momentum
    bn.train()
    with torch.no_grad():
        for batch in batches:
            bn(batch)
    return bn.running_mean.mean().item()


print(f"目标域数据的真实均值：{true_mean:.2f}")
print(f"momentum=0.1  估计的 running_mean：{reestimate(0.1):.2f}")
print(f"momentum=None 估计的 running_mean：{reestimate(None):.2f}")
