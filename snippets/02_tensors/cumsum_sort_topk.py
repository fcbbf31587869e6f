"""累积和 cumsum、排序 sort 与前 k 大 topk。"""

import torch

# cumsum：沿某一维逐个累加，第 i 个位置是前 i+1 个元素的和
daily = torch.tensor([3, 1, 4, 1, 5, 9])
print("每天的新增：", daily)
print("累计总数：  ", daily.cumsum(dim=0))
m = torch.tensor([[1, 2, 3], [4, 5, 6]])
print("按行累加 dim=1：\n", m.cumsum(dim=1))

# sort：返回排好的值和它们原来的下标；descending=True 从大到小
scores = torch.tensor([0.2, 0.9, 0.4, 0.7, 0.1])
values, indices = scores.sort(descending=True)
print("从大到小：", values)
print("原下标：  ", indices)
print("用下标取回相同：", torch.equal(scores[indices], values))

# topk：只要前 k 个时比整体排序更省事；对二维张量默认沿最后一维
logits = torch.tensor([[1.0, 5.0, 3.0, 2.0], [4.0, 0.0, 6.0, 5.5]])
top_vals, top_idx = logits.topk(2, dim=1)
print("每行最大的两个：\n", top_vals)
print("它们的列号：\n", top_idx)

# 常见用法：top-k 准确率，真实标签落在前 k 个预测里就算对
labels = torch.tensor([3, 3])
hit = (top_idx == labels.unsqueeze(1)).any(dim=1)
print("标签在前 2 名里：", hit, " top-2 准确率：", hit.float().mean().item())
