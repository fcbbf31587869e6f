"""把本章的几种技术放在同一台机器上量一遍：内存比例是确定的，时间比例每次不同。"""

import time

import torch
from torch import nn
from torch.utils import benchmark
from torch.utils.checkpoint import checkpoint
from torch.utils.data import DataLoader, Dataset

torch.manual_seed(0)
DIM, DEPTH, BATCH = 128, 4, 256


class Net(nn.Module):
    def __init__(self, use_checkpoint=False):
        super().__init__()
        self.blocks = nn.ModuleList(
            nn.Sequential(nn.Linear(DIM, 4 * DIM), nn.GELU(), nn.Linear(4 * DIM, DIM))
            for _ in range(DEPTH)
        )
        self.use_checkpoint = use_checkpoint

    def forward(self, x):
        for block in self.blocks:
            x = x + (checkpoint(block, x, use_reentrant=False) if self.use_checkpoint else block(x))
        return x.pow(2).mean()


def saved_bytes(model, x, bf16=False):
    params = {p.untyped_storage().data_ptr() for p in model.parameters()}
    saved = {}

    def pack(t):
        if t.untyped_storage().data_ptr() not in params:
            saved[t.untyped_storage().data_ptr()] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            loss = model(x)
    loss.backward()
    return sum(saved.values())


def step_time(fn):
    return benchmark.Timer("fn()", globals={"fn": fn}).blocked_autorange(min_run_time=0.1).median


# 5. DataLoader 的 2 个常驻工作进程：每个样本模拟 10 毫秒的读取
class SlowDataset(Dataset):
    def __len__(self):
        return 24

    def __getitem__(self, i):
        time.sleep(0.01)
        return torch.zeros(4)


def epoch_time(**kwargs):
    loader = DataLoader(SlowDataset(), batch_size=4, **kwargs)
    start = time.perf_counter()
    for _ in range(2):
        for _ in loader:
            pass
    return time.perf_counter() - start


def main():
    # Timer 默认用单线程计时；其余计算也用单线程，第 4 项里预热时编译出的代码才与计时时一致
    # （线程数是编译结果的守卫条件之一，变了会重新编译）
    torch.set_num_threads(1)
    torch.manual_seed(0)
    x = torch.randn(BATCH, DIM)
    plain, ckpt = Net(), Net(use_checkpoint=True)
    ckpt.load_state_dict(plain.state_dict())
    rows = []

    # 1. 激活检查点：内存（加上各块保留的输入）与一个训练步的时间
    base_mem = saved_bytes(plain, x)
    ckpt_mem = saved_bytes(ckpt, x) + DEPTH * x.nelement() * x.element_size()
    base_t = step_time(lambda: plain(x).backward())
    rows.append(("激活检查点", ckpt_mem / base_mem, step_time(lambda: ckpt(x).backward()) / base_t))

    # 2. 梯度累积（4 个微批次）：每次反向传播只保存四分之一批次的激活，总计算量不变
    micro = x[: BATCH // 4]
    accum_mem = saved_bytes(plain, micro)

    def accumulate():
        for part in x.chunk(4):
            (plain(part) / 4).backward()

    rows.append(("梯度累积 4 步", accum_mem / base_mem, step_time(accumulate) / base_t))

    # 3. bf16 自动混合精度：线性层保存的输入变成 bf16，每个元素 2 字节
    def bf16_step():
        with torch.autocast("cpu", dtype=torch.bfloat16):
            loss = plain(x)
        loss.backward()

    rows.append(
        (
            "bf16 autocast",
            saved_bytes(plain, x, bf16=True) / base_mem,
            step_time(bf16_step) / base_t,
        )
    )

    # 4. torch.compile：只比推理的前向（编译时间不算在内）
    with torch.no_grad():
        compiled = torch.compile(plain)
        compiled(x)  # 先编译
        eager_t = step_time(lambda: plain(x))
        rows.append(("torch.compile（前向）", None, step_time(lambda: compiled(x)) / eager_t))

    main_t = epoch_time(num_workers=0)
    rows.append(
        ("num_workers=2", None, epoch_time(num_workers=2, persistent_workers=True) / main_t)
    )

    for name, mem, t in rows:
        mem_text = "不变" if mem is None else f"{mem:.2f}"
        print(f"{name}｜激活内存 {mem_text}｜时间 {t:.2f}")
    print("比例 = 用了这项技术 / 不用；小于 1 表示更省或更快")


if __name__ == "__main__":  # DataLoader 的工作进程可能重新导入本文件，所有计算都放在 main 里
    main()
