import random

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset


def seed_everything(seed):
    """固定 Python、NumPy、PyTorch（CPU 与所有加速器）的随机数种子。"""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)  # 同时为 CUDA 等加速器设种子


def seed_worker(worker_id):
    """DataLoader 工作进程的初始化函数：让每个工作进程里的 NumPy 与 random 也可复现。"""
    worker_seed = torch.initial_seed() % 2**32
    np.random.seed(worker_seed)
    random.seed(worker_seed)


class NoisyDataset(Dataset):
    """取样本时用 NumPy 加随机噪声：模拟数据增强，正是最容易不可复现的地方。"""

    def __init__(self, n=256):
        g = torch.Generator().manual_seed(123)  # 数据本身固定
        self.x = torch.randn(n, 4, generator=g)
        self.y = (self.x.sum(dim=1) > 0).long()

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        noise = torch.from_numpy(np.random.normal(0, 0.1, size=4).astype(np.float32))
        return self.x[i] + noise, self.y[i]


def train(seed, num_workers=0):
    seed_everything(seed)
    g = torch.Generator()
    g.manual_seed(seed)  # 打乱顺序用自己的生成器，不受别处随机操作的干扰
    loader = DataLoader(
        NoisyDataset(),
        batch_size=32,
        shuffle=True,
        num_workers=num_workers,
        worker_init_fn=seed_worker,
        generator=g,
    )
    model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for _ in range(3):
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(xb), yb)
            loss.backward()
            optimizer.step()
        losses.append(round(loss.item(), 6))
    return losses


if __name__ == "__main__":
    # 让 PyTorch 只用确定性算法；遇到没有确定性实现的操作会直接报错而不是悄悄给出不同结果
    torch.use_deterministic_algorithms(True)
    a = train(seed=0)
    b = train(seed=0)
    c = train(seed=1)
    d = train(seed=0, num_workers=2)  # 两个工作进程加载数据
    print(f"种子 0，第一次：{a}")
    print(f"种子 0，第二次：{b}")
    print(f"种子 1：{c}")
    print(f"种子 0，2 个工作进程：{d}")
    print(f"同一种子两次完全一致：{a == b}")
    print(f"换种子结果不同：{a != c}")
    print(f"2 个工作进程时本身也可复现：{d == train(seed=0, num_workers=2)}")
