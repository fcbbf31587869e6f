import os
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(4, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
x = torch.randn(64, 4)
y = x @ torch.tensor([[1.0], [-2.0], [0.5], [3.0]])

KEEP_LAST = 3
ckpt_dir = Path("checkpoints")
ckpt_dir.mkdir(exist_ok=True)
best_loss = float("inf")

for epoch in range(1, 9):
    loss = nn.functional.mse_loss(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    state = {
        "epoch": epoch,
        "loss": loss.item(),
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
    }
    # 文件名里补零，按名字排序就是按轮次排序
    path = ckpt_dir / f"epoch_{epoch:03d}.pt"
    torch.save(state, path.with_suffix(".tmp"))
    os.replace(path.with_suffix(".tmp"), path)
    if loss.item() < best_loss:
        best_loss = loss.item()
        torch.save(state, ckpt_dir / "best.pt")
    # 只保留最近 KEEP_LAST 个轮次的检查点
    for old in sorted(ckpt_dir.glob("epoch_*.pt"))[:-KEEP_LAST]:
        old.unlink()

print("剩下的文件:", sorted(p.name for p in ckpt_dir.iterdir()))
latest = sorted(ckpt_dir.glob("epoch_*.pt"))[-1]
ckpt = torch.load(latest, weights_only=True)
print("最新检查点的轮次:", ckpt["epoch"], f" 损失 {ckpt['loss']:.4f}")
