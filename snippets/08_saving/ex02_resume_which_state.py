import random

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

g = torch.Generator().manual_seed(7)
x_all = torch.randn(256, 8, generator=g)
dataset = TensorDataset(x_all, (x_all[:, :4].sum(1) > 0).long())


def build(seed):
    random.seed(seed)
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Dropout(0.2), nn.Linear(16, 2))
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    gen = torch.Generator().manual_seed(seed)
    loader = DataLoader(dataset, batch_size=64, shuffle=True, generator=gen)
    return {
        "model": model,
        "opt": opt,
        "gen": gen,
        "loader": loader,
        "np": np.random.default_rng(seed),
    }


def train_epoch(s):
    for xb, yb in s["loader"]:
        if random.random() < 0.5:
            xb = xb + torch.from_numpy(s["np"].normal(0, 0.1, tuple(xb.shape)).astype(np.float32))
        loss = F.cross_entropy(s["model"](xb), yb)
        s["opt"].zero_grad()
        loss.backward()
        s["opt"].step()


def snapshot(s):
    return {
        "model": s["model"].state_dict(),
        "opt": s["opt"].state_dict(),
        "torch": torch.get_rng_state(),
        "python": random.getstate(),
        "numpy": s["np"].bit_generator.state,
        "loader": s["gen"].get_state(),
    }


def restore(s, ckpt, skip):
    s["model"].load_state_dict(ckpt["model"])
    s["opt"].load_state_dict(ckpt["opt"])
    if "torch" not in skip:
        torch.set_rng_state(ckpt["torch"])
    if "python" not in skip:
        random.setstate(ckpt["python"])
    if "numpy" not in skip:
        s["np"].bit_generator.state = ckpt["numpy"]
    if "loader" not in skip:
        s["gen"].set_state(ckpt["loader"])


# 参照：不中断地训练 4 个轮次
ref = build(0)
for _ in range(4):
    train_epoch(ref)
ref_weights = list(ref["model"].state_dict().values())

# 训练 2 个轮次后存档
run = build(0)
for _ in range(2):
    train_epoch(run)
torch.save(snapshot(run), "ckpt.pt")

cases = {
    "全部恢复": set(),
    "不恢复 torch 全局状态（dropout）": {"torch"},
    "不恢复 Python random": {"python"},
    "不恢复 NumPy 生成器": {"numpy"},
    "不恢复 DataLoader 生成器": {"loader"},
}
for name, skip in cases.items():
    resumed = build(99)  # 新进程里的新对象，种子与原来不同
    restore(resumed, torch.load("ckpt.pt", weights_only=True), skip)
    for _ in range(2):
        train_epoch(resumed)
    same = all(
        torch.equal(a, b)
        for a, b in zip(ref_weights, resumed["model"].state_dict().values(), strict=True)
    )
    print(f"{name}: 逐位相同 = {same}")
