import os
import random

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

# 选设备：有加速器就用，没有就用 CPU
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

TOTAL_EPOCHS = 6  # 一共训练 6 个轮次
STOP_AFTER = 3  # “中断”发生在第 3 个轮次结束后


def make_dataset():
    # 一个小的二分类问题：前 4 个特征之和大于 0 为正类
    g = torch.Generator().manual_seed(2024)
    x = torch.randn(512, 8, generator=g)
    y = (x[:, :4].sum(dim=1) > 0).long()
    return TensorDataset(x, y)


def seed_everything(seed):
    # 全局随机源：torch（dropout 用它）、Python 的 random（下面决定是否加噪声）
    random.seed(seed)
    torch.manual_seed(seed)


def build(seed, dataset):
    """按给定种子新建训练所需的全部对象。"""
    seed_everything(seed)
    model = nn.Sequential(
        nn.Linear(8, 32),
        nn.ReLU(),
        nn.Dropout(p=0.2),  # dropout 每次前向都要消耗 torch 的全局随机数
        nn.Linear(32, 2),
    ).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=0.01, weight_decay=0.01)
    scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)
    # DataLoader 的打乱顺序由这个专用生成器决定
    loader_gen = torch.Generator().manual_seed(seed)
    loader = DataLoader(dataset, batch_size=64, shuffle=True, generator=loader_gen)
    # 数据增强的噪声用 NumPy 的新式生成器
    aug_rng = np.random.default_rng(seed)
    return model, optimizer, scheduler, loader, loader_gen, aug_rng


def train_one_epoch(model, optimizer, loader, aug_rng):
    model.train()
    total, count = 0.0, 0
    for xb, yb in loader:
        if random.random() < 0.5:  # 一半的批次加一点高斯噪声
            noise = aug_rng.normal(0.0, 0.1, size=tuple(xb.shape)).astype(np.float32)
            xb = xb + torch.from_numpy(noise)
        xb, yb = xb.to(device), yb.to(device)
        loss = F.cross_entropy(model(xb), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(xb)
        count += len(xb)
    return total / count


def accelerator_rng_state():
    """当前加速器的随机状态（CUDA、XPU 每块卡一份，MPS 只有一份）；CPU 上为 None。"""
    if device.type == "cpu":
        return None
    module = torch.get_device_module(device)  # torch.cuda、torch.mps、torch.xpu ……
    if hasattr(module, "get_rng_state_all"):
        return {"type": device.type, "states": module.get_rng_state_all()}
    return {"type": device.type, "states": [module.get_rng_state()]}


def set_accelerator_rng_state(saved):
    if saved is None or saved["type"] != device.type:
        return  # 换了设备类型时无法逐位复现，只能放弃这一项
    module = torch.get_device_module(device)
    if hasattr(module, "set_rng_state_all"):
        module.set_rng_state_all(saved["states"])
    else:
        module.set_rng_state(saved["states"][0])


def save_checkpoint(path, epoch, model, optimizer, scheduler, loader_gen, aug_rng):
    rng = {
        "torch": torch.get_rng_state(),  # CPU 上的 torch 全局随机状态（dropout 用）
        "python": random.getstate(),  # Python random 模块的状态
        "numpy": aug_rng.bit_generator.state,  # NumPy Generator 的状态（纯 Python 字典）
        "loader": loader_gen.get_state(),  # DataLoader 打乱顺序用的生成器
    }
    rng["accelerator"] = accelerator_rng_state()  # 加速器上的 dropout 用它
    checkpoint = {
        "epoch": epoch,  # 已经完成的轮次数
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "scheduler": scheduler.state_dict(),
        "rng": rng,
    }
    # 先写临时文件再改名：写到一半断电也不会毁掉上一份好的检查点
    torch.save(checkpoint, path + ".tmp")
    os.replace(path + ".tmp", path)


def load_checkpoint(path, model, optimizer, scheduler, loader_gen, aug_rng):
    ckpt = torch.load(path, map_location="cpu", weights_only=True)
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(ckpt["optimizer"])  # 会把状态搬到参数所在的设备
    scheduler.load_state_dict(ckpt["scheduler"])
    rng = ckpt["rng"]
    torch.set_rng_state(rng["torch"])
    random.setstate(rng["python"])
    aug_rng.bit_generator.state = rng["numpy"]
    loader_gen.set_state(rng["loader"])
    set_accelerator_rng_state(rng["accelerator"])
    return ckpt["epoch"]  # 从这个轮次继续


dataset = make_dataset()

# 甲：一口气训练 6 个轮次
model_a, opt_a, sched_a, loader_a, _, aug_a = build(0, dataset)
for epoch in range(TOTAL_EPOCHS):
    loss = train_one_epoch(model_a, opt_a, loader_a, aug_a)
    sched_a.step()
    print(f"甲 轮次 {epoch + 1}：损失 {loss:.6f}")

# 乙：训练 3 个轮次后保存检查点，然后“进程退出”
model_b, opt_b, sched_b, loader_b, gen_b, aug_b = build(0, dataset)
for epoch in range(STOP_AFTER):
    loss = train_one_epoch(model_b, opt_b, loader_b, aug_b)
    sched_b.step()
    print(f"乙 轮次 {epoch + 1}：损失 {loss:.6f}")
save_checkpoint("checkpoint.pt", STOP_AFTER, model_b, opt_b, sched_b, gen_b, aug_b)
del model_b, opt_b, sched_b, loader_b, gen_b, aug_b
print("—— 已保存检查点，模拟中断 ——")

# 乙（续）：用另一个种子新建全部对象，证明恢复靠的是检查点而不是巧合
model_c, opt_c, sched_c, loader_c, gen_c, aug_c = build(12345, dataset)
start = load_checkpoint("checkpoint.pt", model_c, opt_c, sched_c, gen_c, aug_c)
print(f"从轮次 {start + 1} 继续，学习率：{sched_c.get_last_lr()}")
for epoch in range(start, TOTAL_EPOCHS):
    loss = train_one_epoch(model_c, opt_c, loader_c, aug_c)
    sched_c.step()
    print(f"乙 轮次 {epoch + 1}：损失 {loss:.6f}")

same_weights = all(
    torch.equal(a, c)
    for a, c in zip(model_a.state_dict().values(), model_c.state_dict().values(), strict=True)
)
same_adam = all(
    torch.equal(opt_a.state[p]["exp_avg_sq"], opt_c.state[q]["exp_avg_sq"])
    for p, q in zip(model_a.parameters(), model_c.parameters(), strict=True)
)
print(f"最终权重逐位相同：{same_weights}")
print(f"优化器二阶矩逐位相同：{same_adam}")
