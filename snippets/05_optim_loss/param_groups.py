"""参数组：骨干网络与输出头用不同学习率，偏置与归一化层参数不做权重衰减。"""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        # 设想 backbone 是预训练好的特征提取器，head 是新加的分类头
        self.backbone = nn.Sequential(
            nn.Linear(8, 16), nn.LayerNorm(16), nn.ReLU(), nn.Linear(16, 16)
        )
        self.head = nn.Linear(16, 3)


torch.manual_seed(0)
model = Net()


def split_decay(named_params):
    """按惯例：矩阵（ndim >= 2）做权重衰减，偏置和归一化层的一维参数不做。"""
    decay, no_decay = [], []
    for name, p in named_params:
        if not p.requires_grad:
            continue
        (decay if p.ndim >= 2 else no_decay).append((name, p))
    return decay, no_decay


groups = []
for part, lr in [("backbone", 1e-4), ("head", 1e-3)]:
    decay, no_decay = split_decay(getattr(model, part).named_parameters(prefix=part))
    groups.append({"params": [p for _, p in decay], "lr": lr, "names": [n for n, _ in decay]})
    groups.append(
        {
            "params": [p for _, p in no_decay],
            "lr": lr,
            "weight_decay": 0.0,
            "names": [n for n, _ in no_decay],
        }
    )

# 组里没写的超参数（这里是 weight_decay=0.05）取构造函数里的默认值；
# 额外的键（如 "names"）会原样保存在组里，方便打印和调试
optimizer = torch.optim.AdamW(groups, lr=1e-3, weight_decay=0.05)

for i, g in enumerate(optimizer.param_groups):
    print(f"组 {i}：lr={g['lr']:.0e}  weight_decay={g['weight_decay']}  参数：{g['names']}")

n_total = sum(1 for _ in model.parameters())
n_in_groups = sum(len(g["params"]) for g in optimizer.param_groups)
print(f"模型参数张量个数：{n_total}  放进优化器的：{n_in_groups}")

# 调度器按比例缩放每一组，各组之间的倍数关系保持不变
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.1)
optimizer.step()  # 没有梯度的参数会被跳过，这里只为满足“先 optimizer.step 再 scheduler.step”
scheduler.step()
print("StepLR 一步之后各组 lr:", [f"{lr:.0e}" for lr in scheduler.get_last_lr()])

# 训练中途手动改某一组的学习率：直接改 param_groups 里的值
optimizer.param_groups[0]["lr"] = 3e-6
print("手动修改后组 0 的 lr:", optimizer.param_groups[0]["lr"])

# 原先冻结、现在要解冻的层：用 add_param_group 加进已有的优化器（迁移学习里的“逐步解冻”）
extra = nn.Linear(16, 16)
optimizer.add_param_group({"params": extra.parameters(), "lr": 1e-5, "names": ["extra.*"]})
print(f"add_param_group 之后组数：{len(optimizer.param_groups)}")

# 也可以直接传入 named_parameters()，优化器会把参数名记在 param_names 里
named_opt = torch.optim.SGD(model.head.named_parameters(), lr=0.1)
print("param_names:", named_opt.param_groups[0]["param_names"])
