import math
import warnings

import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info


class RangeStream(IterableDataset):
    """产生 start, start+1, ..., end-1；多个工作进程时每个工作进程负责连续的一段。"""

    def __init__(self, start: int, end: int):
        self.start, self.end = start, end

    def __iter__(self):
        info = get_worker_info()
        if info is None:  # 单进程：自己负责全部
            lo, hi = self.start, self.end
        else:
            per_worker = math.ceil((self.end - self.start) / info.num_workers)
            lo = self.start + info.id * per_worker
            hi = min(lo + per_worker, self.end)
        for i in range(lo, hi):
            yield torch.tensor(i)


if __name__ == "__main__":
    # num_workers 超过本机 CPU 核数时，DataLoader 会发出 UserWarning 提醒进程可能开得太多；
    # 这里的 3 个工作进程只是为了演示不能整除的分段，所以在 2 核机器上把这条警告关掉
    warnings.filterwarnings("ignore", message="This DataLoader will create", category=UserWarning)
    ds = RangeStream(3, 13)
    for count in (0, 2, 3):
        loader = DataLoader(ds, batch_size=2, num_workers=count)
        batches = [b.tolist() for b in loader]
        values = sorted(v for b in batches for v in b)
        print(f"num_workers={count}：批次 {batches}")
        print(f"  覆盖全部且不重复：{values == list(range(3, 13))}")
