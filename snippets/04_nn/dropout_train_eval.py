import torch
from torch import nn

torch.manual_seed(0)

drop = nn.Dropout(p=0.5)
x = torch.ones(2, 8)

# 训练模式：每个元素以概率 p 置零，留下来的乘以 1/(1-p)=2，保持期望不变
drop.train()
print("[train] 第一次：\n", drop(x))
print("[train] 第二次（每次随机的位置不同）：\n", drop(x))

big = torch.ones(1000, 1000)
out = drop(big)
print(f"[train] 被置零的比例：{(out == 0).float().mean().item():.3f}")
print(f"[train] 输出的平均值：{out.mean().item():.3f}（期望 1.0）")

# 评估模式：什么也不做，原样返回
drop.eval()
print("[eval] 输出：\n", drop(x))

# model.train() / model.eval() 会递归设置所有子模块的 training 标志
model = nn.Sequential(nn.Linear(8, 8), nn.Dropout(0.2), nn.BatchNorm1d(8))
model.eval()
print("eval() 之后各子模块 training：", [m.training for m in model])
model.train()
print("train() 之后各子模块 training：", [m.training for m in model])
