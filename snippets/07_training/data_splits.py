import torch
from sklearn.model_selection import train_test_split
from torch.utils.data import Subset, TensorDataset, random_split

torch.manual_seed(0)

# 一个 100 个样本的数据集，类别不平衡：80 个 0 类，20 个 1 类
features = torch.randn(100, 3)
labels = torch.cat([torch.zeros(80), torch.ones(20)]).long()
dataset = TensorDataset(features, labels)

# 按比例划分：70% 训练、15% 验证、15% 测试；给划分一个独立的、带种子的生成器
train_set, val_set, test_set = random_split(
    dataset, [0.7, 0.15, 0.15], generator=torch.Generator().manual_seed(42)
)
print(f"三个子集的大小：{len(train_set)} {len(val_set)} {len(test_set)}")
print(f"验证集的前 5 个下标：{val_set.indices[:5]}")

# 同一个种子 -> 同一份划分，不受程序里其他随机操作的影响
torch.rand(1000)  # 模拟别处又用掉了一些全局随机数
again = random_split(dataset, [0.7, 0.15, 0.15], generator=torch.Generator().manual_seed(42))
print(f"再划分一次，结果相同：{again[1].indices == val_set.indices}")

# 三个子集互不重叠，合起来正好是全部样本
all_idx = set(train_set.indices) | set(val_set.indices) | set(test_set.indices)
print(f"互不重叠且覆盖全部：{len(all_idx) == len(dataset)}")


def count_classes(subset):
    ys = labels[subset.indices]
    return torch.bincount(ys, minlength=2).tolist()


print("random_split 各子集的类别计数 [0 类, 1 类]:")
for name, s in [("训练", train_set), ("验证", val_set), ("测试", test_set)]:
    print(f"  {name}: {count_classes(s)}")

# 分层划分：让每个子集保持 80:20 的类别比例（先分出测试集，再从剩下的分出验证集）
idx = list(range(len(dataset)))
rest_idx, test_idx = train_test_split(idx, test_size=0.15, stratify=labels, random_state=42)
train_idx, val_idx = train_test_split(
    rest_idx, test_size=15, stratify=labels[rest_idx], random_state=42
)
print("分层划分各子集的类别计数 [0 类, 1 类]:")
for name, ids in [("训练", train_idx), ("验证", val_idx), ("测试", test_idx)]:
    print(f"  {name}: {count_classes(Subset(dataset, ids))}")
