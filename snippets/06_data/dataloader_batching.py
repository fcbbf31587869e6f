import torch
from torch.utils.data import DataLoader, TensorDataset

# 10 个样本：特征就是 0..9，方便看出每个批次里是谁
ds = TensorDataset(torch.arange(10))


def show(title: str, loader: DataLoader) -> None:
    batches = [xb.tolist() for (xb,) in loader]
    print(f"{title}（len={len(loader)}）: {batches}")


show("batch_size=4", DataLoader(ds, batch_size=4))
show("batch_size=4, drop_last=True", DataLoader(ds, batch_size=4, drop_last=True))

# shuffle=True：每一轮（epoch）都重新打乱；用自己的 Generator 固定随机性
g = torch.Generator().manual_seed(0)
loader = DataLoader(ds, batch_size=4, shuffle=True, generator=g)
show("shuffle=True 第 1 轮", loader)
show("shuffle=True 第 2 轮", loader)

# 同一个种子重新开始，得到与上面完全相同的两轮顺序
g.manual_seed(0)
show("重设种子后第 1 轮", loader)
