import random

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def seed_everything(seed):
    """一次设好 Python、NumPy、PyTorch 三处的随机种子。"""
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)  # 同时为 CPU 和所有 CUDA 设备设种子


def seed_worker(worker_id):
    # 每个工作进程里 torch 的种子由主进程派生，这里用它再设好 NumPy 与 random
    worker_seed = torch.initial_seed() % 2**32
    np.random.seed(worker_seed)
    random.seed(worker_seed)


def train_once(seed):
    seed_everything(seed)
    x = torch.randn(64, 4)
    y = (x.sum(dim=1) > 0).long()
    g = torch.Generator().manual_seed(seed)  # 打乱顺序只由这个生成器决定
    loader = DataLoader(
        TensorDataset(x, y),
        batch_size=16,
        shuffle=True,
        num_workers=2,
        worker_init_fn=seed_worker,
        generator=g,
    )
    model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.2), nn.Linear(8, 2))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        for xb, yb in loader:
            loss = nn.functional.cross_entropy(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return loss.item(), model[0].weight.detach().clone()


if __name__ == "__main__":
    # 要求只用确定性算法：遇到没有确定性实现的运算会直接报错，而不是悄悄给出不同结果
    torch.use_deterministic_algorithms(True)
    loss_a, w_a = train_once(42)
    loss_b, w_b = train_once(42)
    loss_c, w_c = train_once(7)
    print(f"种子 42 两次的最后损失：{loss_a:.3f} 与 {loss_b:.3f}")
    print("种子 42 两次的权重完全相同：", torch.equal(w_a, w_b))
    print("换成种子 7 权重不同：", not torch.equal(w_a, w_c))
    print("确定性算法已开启：", torch.are_deterministic_algorithms_enabled())
