"""在 CPU 上用 gloo 后端跑 2 个进程的 DDP；直接运行本文件时，它用 torchrun 把自己启动两次。"""

import os
import sys

import torch
import torch.distributed as dist
from torch import nn
from torch.distributed.run import main as torchrun
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset


def make_dataset():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(128, 8, generator=g)
    y = x @ torch.linspace(-1, 1, 8).unsqueeze(1) + 0.1 * torch.randn(128, 1, generator=g)
    return TensorDataset(x, y)


def make_model():
    torch.manual_seed(0)  # 每个进程用同一个种子；DDP 构造时还会把 rank 0 的参数广播给所有进程
    return nn.Sequential(nn.Linear(8, 16), nn.Tanh(), nn.Linear(16, 1))


def train_ddp(epochs=3):
    dist.init_process_group(
        backend="gloo"
    )  # torchrun 已经设好了 RANK、WORLD_SIZE、MASTER_ADDR/PORT
    rank, world_size = dist.get_rank(), dist.get_world_size()
    model = DDP(make_model())  # CPU 上不传 device_ids
    dataset = make_dataset()
    # DistributedSampler 把数据切成 world_size 份，每个进程只读自己那一份
    sampler = DistributedSampler(dataset, num_replicas=world_size, rank=rank, shuffle=False)
    loader = DataLoader(dataset, batch_size=8, sampler=sampler)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    for epoch in range(epochs):
        sampler.set_epoch(epoch)  # shuffle=True 时靠它让每轮的打乱顺序不同
        total = torch.zeros(1)
        for xb, yb in loader:
            loss = nn.functional.mse_loss(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()  # 反向传播的同时，DDP 用 all-reduce 把各进程的梯度求平均
            optimizer.step()
            total += loss.detach() * len(xb)
        dist.all_reduce(total)  # 把各进程的损失和加起来，得到整轮的平均损失
        if rank == 0:
            print(f"轮次 {epoch + 1}：平均损失 {total.item() / len(dataset):.4f}")
    # 各进程的参数应当完全相同：收集到 rank 0 比一比
    flat = torch.cat([p.detach().flatten() for p in model.parameters()])
    gathered = [torch.empty_like(flat) for _ in range(world_size)]
    dist.all_gather(gathered, flat)
    if rank == 0:
        print(f"进程数 {world_size}，后端 {dist.get_backend()}")
        print("各进程参数一致：", all(torch.equal(gathered[0], t) for t in gathered))
        # 对照：rank 0 再用普通的单进程训练一遍（不经过进程组），比较参数
        print("与单进程大批次训练的参数一致：", torch.allclose(flat, train_single(), atol=1e-6))
    dist.barrier()  # 两个进程都走到这里再拆掉进程组，避免一方还在通信时另一方先退出
    dist.destroy_process_group()
    # 结果都已打印，工作进程直接退出：反复运行时观察到 gloo 的后台线程偶尔在解释器退出阶段
    # 触发 std::terminate（该进程以 SIGABRT 结束、torchrun 报告失败），跳过退出阶段更稳妥
    sys.stdout.flush()
    os._exit(0)


def train_single(epochs=3):
    """对照：单进程、每批 16 个样本（= 2 个进程 × 每个 8 个）。"""
    model = make_model()
    loader = DataLoader(make_dataset(), batch_size=16)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(epochs):
        for xb, yb in loader:
            loss = nn.functional.mse_loss(model(xb), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()])


if __name__ == "__main__":
    if "LOCAL_RANK" in os.environ:  # 由 torchrun 启动的工作进程
        train_ddp()
    else:  # 直接 python ddp_gloo_cpu.py：等价于 torchrun --standalone --nproc_per_node=2 ddp_gloo_cpu.py
        # torchrun 命令就是调用 torch.distributed.run 的 main，参数与命令行相同；任一进程失败时它抛出异常
        torchrun(["--standalone", "--nproc_per_node=2", __file__])
