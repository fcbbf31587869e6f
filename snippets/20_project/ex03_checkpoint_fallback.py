import pickle
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
ckpt_dir = Path("ckpts")
ckpt_dir.mkdir(exist_ok=True)
KEEP = 2  # 只保留最近 2 个检查点


def save(epoch, model):
    torch.save({"epoch": epoch, "model": model.state_dict()}, ckpt_dir / f"epoch_{epoch:03d}.pt")
    for old in sorted(ckpt_dir.glob("epoch_*.pt"))[:-KEEP]:  # 文件名补零，按名字排序就是按轮次排序
        old.unlink()


def load_latest(model):
    """从最新的检查点往回找，第一个能完整读出的就用它。"""
    for path in sorted(ckpt_dir.glob("epoch_*.pt"), reverse=True):
        try:
            ckpt = torch.load(path, weights_only=True)
        except (RuntimeError, EOFError, pickle.UnpicklingError) as err:
            print(f"  跳过 {path.name}：{type(err).__name__}")
            continue
        model.load_state_dict(ckpt["model"])
        return ckpt["epoch"]
    return 0  # 一个可用的都没有：从头训练


model = nn.Linear(4, 2)
for epoch in range(1, 5):
    with torch.no_grad():
        model.weight += 0.1  # 代替一轮训练
    save(epoch, model)
print("磁盘上的检查点：", sorted(p.name for p in ckpt_dir.glob("*.pt")))

# 模拟：第 5 轮的检查点直接写在最终文件名上（没有用 临时文件 + 改名），写到一半断电
data = (ckpt_dir / "epoch_004.pt").read_bytes()
(ckpt_dir / "epoch_005.pt").write_bytes(data[: len(data) // 2])

fresh = nn.Linear(4, 2)
start = load_latest(fresh)
print(f"从第 {start} 轮的检查点恢复，权重一致：{torch.equal(fresh.weight, model.weight)}")
