import numpy as np
import torch
from torch.utils.data import DataLoader, Dataset, get_worker_info


class NoisyDataset(Dataset):
    """每次取样本时加一个随机“扰动”，模拟随机数据增强。"""

    def __init__(self, n: int = 8):
        self.n = n
        # 陷阱：这个 NumPy 生成器在主进程里建好，会被原样复制进每个工作进程
        self.rng = np.random.default_rng(0)

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, idx: int):
        return idx, int(self.rng.integers(0, 1000))


def reseed_worker(worker_id: int) -> None:
    """worker_init_fn：在每个工作进程启动时，用 PyTorch 分给它的种子重建生成器。"""
    info = get_worker_info()
    # info.seed = 本轮的 base_seed + worker_id；base_seed 由 DataLoader 的 generator 决定
    info.dataset.rng = np.random.default_rng(info.seed)


def one_epoch(loader: DataLoader) -> list[tuple[int, int]]:
    pairs = []
    for idx, noise in loader:
        pairs.extend(zip(idx.tolist(), noise.tolist(), strict=True))
    return pairs


if __name__ == "__main__":
    # 设备上有加速器时才锁页；纯 CPU 上打开 pin_memory 只会得到一条警告
    pin = torch.accelerator.is_available()

    loader = DataLoader(NoisyDataset(), batch_size=2, num_workers=2, pin_memory=pin)
    print(f"未重设种子：{one_epoch(loader)}")
    print("  -> 两个工作进程的扰动序列一模一样（样本 0,1 与 2,3 的扰动相同）")

    def make_loader() -> DataLoader:
        return DataLoader(
            NoisyDataset(),
            batch_size=2,
            num_workers=2,
            worker_init_fn=reseed_worker,
            generator=torch.Generator().manual_seed(42),  # 决定每轮的 base_seed
            pin_memory=pin,
            persistent_workers=True,  # 轮次之间保留工作进程，省去重复启动
            prefetch_factor=2,  # 每个工作进程预先准备 2 个批次
        )

    first = make_loader()
    run1 = [one_epoch(first) for _ in range(2)]
    print(f"重设种子后第 1 轮：{run1[0]}")
    print(f"重设种子后第 2 轮：{run1[1]}")
    second = make_loader()
    run2 = [one_epoch(second) for _ in range(2)]
    print(f"重新创建 DataLoader、同一个种子，两轮结果完全一致：{run1 == run2}")
