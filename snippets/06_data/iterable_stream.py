from pathlib import Path

import torch
from torch.utils.data import DataLoader, IterableDataset, get_worker_info


class LineStream(IterableDataset):
    """逐行读一个文本文件，读一行交出一行，不需要知道文件一共多长。"""

    def __init__(self, path: str, shard: bool = True):
        self.path = path
        self.shard = shard

    def __iter__(self):
        info = get_worker_info()  # 主进程里为 None；工作进程里有 id 与 num_workers
        worker_id = info.id if info is not None else 0
        num_workers = info.num_workers if info is not None else 1
        with open(self.path, encoding="utf-8") as f:
            for lineno, line in enumerate(f):
                # 分片：第 k 个工作进程只处理行号 % num_workers == k 的行
                if self.shard and lineno % num_workers != worker_id:
                    continue
                yield torch.tensor([int(v) for v in line.split(",")])


def collect(loader: DataLoader) -> list[int]:
    """把每批的第一列（样本编号）收集起来。"""
    return [int(v) for batch in loader for v in batch[:, 0]]


if __name__ == "__main__":
    # 先写一个 10 行的“日志文件”：编号, 数值
    Path("stream.csv").write_text("".join(f"{i},{i * i}\n" for i in range(10)), encoding="utf-8")

    loader = DataLoader(LineStream("stream.csv"), batch_size=3)
    print(f"单进程读取的批次：{[b.tolist() for b in loader]}")

    # 两个工作进程，各自打开文件；分片后每行只被读一次
    loader = DataLoader(LineStream("stream.csv"), batch_size=3, num_workers=2)
    print(f"2 个工作进程、分片后的编号：{collect(loader)}")

    # 忘了分片：每个工作进程都把整个文件读一遍，数据重复了
    loader = DataLoader(LineStream("stream.csv", shard=False), batch_size=3, num_workers=2)
    ids = collect(loader)
    print(f"2 个工作进程、不分片的编号：{ids}")
    print(f"不分片时样本数：{len(ids)} （文件只有 10 行）")
