import torch
from torch.utils.data import DataLoader, Dataset, default_collate

torch.manual_seed(0)


class CircleDataset(Dataset):
    """平面上的随机点；标签为 1 表示点落在单位圆内。"""

    def __init__(self, n: int):
        # 数据很小，直接在构造时生成；真实项目里这里通常只记下“文件在哪儿”
        self.points = torch.rand(n, 2) * 4 - 2  # 均匀分布在 [-2, 2) × [-2, 2)
        self.labels = (self.points.norm(dim=1) < 1).long()

    def __len__(self) -> int:
        # DataLoader 靠它知道一共有多少个下标、一轮能分成几个批次
        return len(self.points)

    def __getitem__(self, idx: int):
        # 一次只返回一个样本：(特征, 标签)
        return self.points[idx], self.labels[idx]


ds = CircleDataset(10)
print("样本数 len(ds):", len(ds))
x, y = ds[3]
print(f"ds[3] 的特征：{x}  标签：{y!r}")

# DataLoader 取出若干个样本后，用 default_collate 把它们“叠”成一个批次
batch = default_collate([ds[0], ds[1], ds[2]])
print("手动合并 3 个样本 -> 特征形状", tuple(batch[0].shape), "标签", batch[1])

loader = DataLoader(ds, batch_size=4)
print("len(loader) =", len(loader), "（10 个样本，每批 4 个）")
for i, (xb, yb) in enumerate(loader):
    print(f"批次 {i}：特征形状 {tuple(xb.shape)}，标签 {yb.tolist()}")
