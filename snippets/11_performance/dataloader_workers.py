"""数据加载：num_workers、persistent_workers、pin_memory 各管什么，实测一下。"""

import os
import time
from pathlib import Path

import torch
from torch.utils.data import DataLoader, Dataset

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


class SlowDataset(Dataset):
    """每个样本要“读盘解码” 10 毫秒（用 sleep 模拟 I/O 等待）。"""

    def __len__(self):
        return 48

    def __getitem__(self, i):
        time.sleep(0.01)
        return torch.full((3, 8, 8), float(i)), i % 10


def record_worker_start(worker_id):
    # 每启动一个工作进程，就在文件里记一行；最后数行数就知道启动了几次
    with open("worker_starts.txt", "a", encoding="utf-8") as f:
        f.write(f"{worker_id} {os.getpid()}\n")


def run_epochs(num_workers, persistent_workers, epochs=3):
    Path("worker_starts.txt").unlink(missing_ok=True)
    loader = DataLoader(
        SlowDataset(),
        batch_size=8,
        num_workers=num_workers,
        persistent_workers=persistent_workers,  # 只在 num_workers > 0 时可用
        pin_memory=device.type == "cuda",  # 只有要拷到 GPU 时，锁页内存才有用
        worker_init_fn=record_worker_start if num_workers > 0 else None,
    )
    start = time.perf_counter()
    total = 0
    for _ in range(epochs):
        for images, labels in loader:
            images = images.to(device, non_blocking=True)
            total += labels.sum().item()
    elapsed = time.perf_counter() - start
    starts = Path("worker_starts.txt")
    n_starts = len(starts.read_text().splitlines()) if starts.exists() else 0
    return elapsed, total, n_starts


if __name__ == "__main__":  # 使用工作进程的代码要放在 main 保护下
    results = {}
    for workers, persistent in [(0, False), (2, False), (2, True)]:
        label = f"num_workers={workers}" + (" persistent" if persistent else "")
        elapsed, total, n_starts = run_epochs(workers, persistent)
        results[label] = elapsed
        print(f"{label:<25} 3 轮：标签和 {total}，工作进程启动 {n_starts} 次")

    base = results["num_workers=0"]
    print("2 个常驻工作进程比主进程自己加载快：", results["num_workers=2 persistent"] < base)
    for label, elapsed in results.items():
        print(f"  {label:<25} 用时是 num_workers=0 的 {elapsed / base:.2f} 倍（每次不同）")
    print("pin_memory 开启：", device.type == "cuda")
