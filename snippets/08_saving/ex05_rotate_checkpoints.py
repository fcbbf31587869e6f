import os
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
true_w = torch.tensor([[1.0], [-2.0], [0.5], [3.0]])
x_train = torch.randn(16, 4)
y_train = x_train @ true_w + 1.0 * torch.randn(16, 1)  # 训练集小而噪声大，后期会过拟合
x_val = torch.randn(200, 4)
y_val = x_val @ true_w + 1.0 * torch.randn(200, 1)
model = nn.Sequential(nn.Linear(4, 32), nn.Tanh(), nn.Linear(32, 1))
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
loss_fn = nn.MSELoss()

KEEP_LAST = 3
ckpt_dir = Path("checkpoints")
ckpt_dir.mkdir(exist_ok=True)


def atomic_save(obj, path: Path) -> None:
    """先写临时文件再改名：保存时被中断，原来的文件也完好无损。"""
    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


def val_loss() -> float:
    model.eval()
    with torch.no_grad():
        return loss_fn(model(x_val), y_val).item()


best_val = float("inf")
for epoch in range(1, 41):
    model.train()
    optimizer.zero_grad()
    loss_fn(model(x_train), y_train).backward()
    optimizer.step()

    # 指标必须在 step() 之后、用要保存的这份权重来算，best.pt 里的数字才与权重对得上
    current = val_loss()
    state = {
        "epoch": epoch,
        "val_loss": current,
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
    }
    # 文件名里补零，按名字排序就是按轮次排序
    atomic_save(state, ckpt_dir / f"epoch_{epoch:03d}.pt")
    if current < best_val:
        best_val = current
        atomic_save(state, ckpt_dir / "best.pt")
    # 只保留最近 KEEP_LAST 个轮次的检查点
    for old in sorted(ckpt_dir.glob("epoch_*.pt"))[:-KEEP_LAST]:
        old.unlink()

print(f"剩下的文件：{sorted(p.name for p in ckpt_dir.iterdir())}")
latest = torch.load(sorted(ckpt_dir.glob("epoch_*.pt"))[-1], weights_only=True)
print(f"最新检查点：轮次 {latest['epoch']}，验证损失 {latest['val_loss']:.3f}")
best = torch.load(ckpt_dir / "best.pt", weights_only=True)
print(f"best.pt：轮次 {best['epoch']}，验证损失 {best['val_loss']:.3f}")
# 载入 best.pt 的权重重新计算，应当得到同一个验证损失
model.load_state_dict(best["model"])
print(f"载入 best.pt 后重算的验证损失：{val_loss():.3f}")
