"""习题 5 参考答案：按列标准化（每个特征减均值、除以标准差），并处理标准差为 0 的列。"""

import torch

torch.manual_seed(0)
# 6 个样本、3 个特征；第 3 列是常数，标准差为 0
x = torch.randn(6, 3) * torch.tensor([1.0, 10.0, 0.0]) + torch.tensor([5.0, -2.0, 3.0])
print("原始每列均值：  ", x.mean(dim=0).round(decimals=3))
print("原始每列标准差：", x.std(dim=0).round(decimals=3))

mean = x.mean(dim=0, keepdim=True)  # (1, 3)
std = x.std(dim=0, keepdim=True)  # (1, 3)
# 标准差为 0 的列直接除会得到 nan（0 / 0），先把它换成 1
safe_std = torch.where(std == 0, torch.ones_like(std), std)
z = (x - mean) / safe_std

print("标准化后的形状：", tuple(z.shape))
print("标准化后每列均值：  ", z.mean(dim=0).round(decimals=3).abs())
print("标准化后每列标准差：", z.std(dim=0).round(decimals=3))
print("结果里没有 nan：", not torch.isnan(z).any().item())
print("不处理 0 标准差时出现 nan：", torch.isnan((x - mean) / std).any().item())
