import torch
from torch.utils.data import DataLoader, Dataset


class SlidingWindowDataset(Dataset):
    """时间序列的滑动窗口：用连续 window 个值预测紧随其后的那个值。"""

    def __init__(self, series: torch.Tensor, window: int):
        if len(series) <= window:
            raise ValueError("序列长度必须大于窗口长度")
        self.series = series
        self.window = window

    def __len__(self) -> int:
        # 最后一个窗口从 len - window - 1 开始，它的目标是序列的最后一个值
        return len(self.series) - self.window

    def __getitem__(self, idx: int):
        if idx < 0:
            idx += len(self)  # 支持负下标，行为与列表一致
        if not 0 <= idx < len(self):
            raise IndexError(idx)
        x = self.series[idx : idx + self.window]
        y = self.series[idx + self.window]
        return x, y


series = torch.arange(10, dtype=torch.float32) * 10  # 0, 10, ..., 90
ds = SlidingWindowDataset(series, window=3)
print(f"样本数：{len(ds)}")
print("ds[0] =", ds[0])
print("ds[-1] =", ds[-1])

loader = DataLoader(ds, batch_size=4)
for xb, yb in loader:
    print("输入", tuple(xb.shape), "目标", yb.tolist())

# 越界时抛出 IndexError：这样 for x in ds 这种写法也能正常停下来
print(f"直接遍历得到的样本数：{sum(1 for _ in ds)}")
