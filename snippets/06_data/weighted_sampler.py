from collections import Counter

import torch
from torch.utils.data import DataLoader, TensorDataset, WeightedRandomSampler

# 不平衡的数据集：类别 0 有 900 个，类别 1 有 90 个，类别 2 只有 10 个
labels = torch.cat([torch.zeros(900), torch.ones(90), torch.full((10,), 2.0)]).long()
features = torch.arange(len(labels)).float().unsqueeze(1)  # 特征用样本编号代替
ds = TensorDataset(features, labels)

class_counts = torch.bincount(labels)
print(f"数据集里各类的数量：{class_counts.tolist()}")


def drawn_counts(loader: DataLoader) -> list[int]:
    """跑一轮，数一数每个类别被取出了多少次。"""
    seen = Counter()
    for _, yb in loader:
        seen.update(yb.tolist())
    return [seen[c] for c in range(len(class_counts))]


g = torch.Generator().manual_seed(0)
plain = DataLoader(ds, batch_size=100, shuffle=True, generator=g)
print(f"普通 shuffle 一轮取到：{drawn_counts(plain)}")

# 每个样本的权重 = 1 / 它所在类别的样本数：三个类别的总权重相等
sample_weights = 1.0 / class_counts[labels].double()
print(f"三类样本的权重：{[round(w, 5) for w in (1 / class_counts.double()).tolist()]}")
sampler = WeightedRandomSampler(sample_weights, num_samples=len(ds), replacement=True, generator=g)
balanced = DataLoader(ds, batch_size=100, sampler=sampler)  # 用了 sampler 就不能再写 shuffle
print(f"WeightedRandomSampler 一轮取到：{drawn_counts(balanced)}")

# 代价：少数类的样本被反复抽到，多数类有一部分这一轮根本没出现
# 直接迭代 sampler 得到下一轮的下标序列（DataLoader 内部也是这样用它的）
picked = torch.tensor(list(sampler))
picked_labels = labels[picked]
print(f"下一轮各类被抽中的次数：{torch.bincount(picked_labels, minlength=3).tolist()}")
for c, total in enumerate(class_counts.tolist()):
    distinct = len(set(picked[picked_labels == c].tolist()))
    print(f"类别 {c}：这一轮出现了 {distinct} / {total} 个不同的样本")
