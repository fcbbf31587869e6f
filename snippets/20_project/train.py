import csv
import os
import shutil
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision.io import ImageReadMode, decode_image
from torchvision.transforms import v2

# 整章用 float64：训练会把 CPU 内核之间极小的舍入差异一轮轮放大，float32 下换一台机器，
# 训练出的模型和选出的阈值就会不同；float64 把这种差异压到 1e-12 左右，结果在各台机器上可复现
torch.set_default_dtype(torch.float64)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
if device.type == "mps":  # MPS 不支持 float64，退回 CPU
    device = torch.device("cpu")
torch.set_num_threads(1)  # 这么小的模型，CPU 上单线程反而最快
CLASSES = ["good", "scratch", "spot", "dent"]
CONFIG = {"epochs": 5, "batch_size": 16, "lr": 5e-3, "seed": 0}
DATA = Path("data")


# --8<-- [start:data]
class SurfaceDataset(Dataset):
    """按清单读 PNG：一行清单就是一个样本。图像第一次用到时从磁盘解码，之后留在内存里。"""

    def __init__(self, root, split):
        self.root = Path(root)
        with open(self.root / "manifest.csv", newline="", encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f) if r["split"] == split]
        self.files = [r["file"] for r in rows]
        self.labels = [CLASSES.index(r["label"]) for r in rows]
        self.cache = {}  # 数据集小到放得进内存：每个文件只解码一次

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        if i not in self.cache:
            image = decode_image(str(self.root / self.files[i]), mode=ImageReadMode.GRAY)
            self.cache[i] = v2.functional.to_dtype(image, torch.float64, scale=True)
        return self.cache[i], self.labels[i]


def random_flips(x):
    """表面没有上下左右之分：每张图独立地随机水平翻转、垂直翻转、转置（共 8 种朝向）。
    在整批张量上做，比逐张调用变换快得多，放在加速器上也一样能用。"""
    for flip in (lambda t: t.flip(-1), lambda t: t.flip(-2), lambda t: t.transpose(-1, -2)):
        pick = torch.rand(len(x), 1, 1, 1, device=x.device) < 0.5
        x = torch.where(pick, flip(x), x)
    return x


# --8<-- [end:data]


# --8<-- [start:model]
def conv_block(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


class DefectNet(nn.Module):
    """输入 [0, 1] 的灰度图，输出 4 个类别的 logits。归一化用的均值、标准差存在缓冲区里，随权重一起保存。"""

    def __init__(self, mean=0.5, std=0.25):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        self.features = nn.Sequential(conv_block(1, 8), conv_block(8, 16), conv_block(16, 32))
        # 全局最大池化：缺陷只占一小块，只要某处有强烈响应就算有
        self.head = nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(32, 4))

    def forward(self, x):
        return self.head(self.features((x - self.mean) / self.std))


# --8<-- [end:model]


# --8<-- [start:checkpoint]
def save_atomic(obj, path):
    """先写临时文件再改名：写到一半断电，旧的检查点仍然完好。"""
    tmp = path.with_suffix(".tmp")
    torch.save(obj, tmp)
    os.replace(tmp, path)


class SimulatedCrash(RuntimeError):
    pass


# --8<-- [end:checkpoint]


@torch.inference_mode()
def evaluate(model, loader):
    model.eval()
    total_loss, correct, n = 0.0, 0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        logits = model(x)
        total_loss += F.cross_entropy(logits, y, reduction="sum").item()
        correct += (logits.argmax(1) == y).sum().item()
        n += len(y)
    return total_loss / n, correct / n


# --8<-- [start:fit]
def fit(run_dir, crash_after=None):
    """训练到 CONFIG["epochs"] 轮。run_dir 里有 last.pt 就从它接着训练。"""
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    train_set = SurfaceDataset(DATA, "train")
    val_loader = DataLoader(SurfaceDataset(DATA, "val"), batch_size=128)
    # 归一化统计量只从训练集算（第 7 章：防止数据泄漏）
    pixels = torch.stack([train_set[i][0] for i in range(len(train_set))])
    torch.manual_seed(CONFIG["seed"])  # 初始权重也由种子决定
    model = DefectNet(pixels.mean().item(), pixels.std().item()).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=CONFIG["lr"], weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=CONFIG["epochs"])
    start, history, best = 0, [], float("inf")

    last = run_dir / "last.pt"
    if last.exists():  # 断点续训：模型、优化器、调度器、进度全部恢复
        ckpt = torch.load(last, map_location=device, weights_only=True)
        model.load_state_dict(ckpt["model"])
        optimizer.load_state_dict(ckpt["optimizer"])
        scheduler.load_state_dict(ckpt["scheduler"])
        start, history, best = ckpt["epoch"], ckpt["history"], ckpt["best_val_loss"]
        print(f"  从 {last.name} 恢复：已完成 {start} 轮，从第 {start + 1} 轮继续")

    for epoch in range(start, CONFIG["epochs"]):
        # 每轮用 种子 + 轮次 重新播种：第 k 轮的打乱顺序和数据增强只取决于 k，
        # 不管前面是不是在同一个进程里跑的，续训都能走出一模一样的随机数
        torch.manual_seed(CONFIG["seed"] + epoch)
        shuffle = torch.Generator().manual_seed(CONFIG["seed"] + epoch)
        loader = DataLoader(
            train_set, batch_size=CONFIG["batch_size"], shuffle=True, generator=shuffle
        )
        model.train()
        for x, y in loader:
            x, y = random_flips(x.to(device)), y.to(device)
            loss = F.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        scheduler.step()
        val_loss, val_acc = evaluate(model, val_loader)
        history.append({"epoch": epoch + 1, "val_loss": val_loss, "val_acc": val_acc})
        print(f"  轮次 {epoch + 1}：验证损失 {val_loss:.2f}，验证准确率 {val_acc:.0%}")
        if val_loss < best:  # 最好的一轮单独存一份，评估和导出都用它
            best = val_loss
            save_atomic({"model": model.state_dict(), "epoch": epoch + 1}, run_dir / "best.pt")
        save_atomic(
            {
                "epoch": epoch + 1,
                "model": model.state_dict(),
                "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(),
                "history": history,
                "best_val_loss": best,
                "config": CONFIG,
            },
            last,
        )
        if crash_after == epoch + 1:
            raise SimulatedCrash(f"第 {epoch + 1} 轮结束后进程被杀掉了")
    return model


# --8<-- [end:fit]

# --8<-- [start:main]
for old in ("runs/main", "runs/reference"):  # 演示从零开始：先清掉上次运行留下的目录
    shutil.rmtree(old, ignore_errors=True)
print("第一次运行（会在第 3 轮后崩溃）：")
try:
    fit("runs/main", crash_after=3)
except SimulatedCrash as err:
    print("  崩溃：", err)
print("第二次运行（同一条命令）：")
resumed = fit("runs/main")
print(f"对照：不中断，一口气训练 {CONFIG['epochs']} 轮：")
reference = fit("runs/reference")

same = all(
    torch.equal(a, b)
    for a, b in zip(resumed.state_dict().values(), reference.state_dict().values(), strict=True)
)
print(f"续训与不中断的最终权重逐位相同：{same}")
best = torch.load("runs/main/best.pt", weights_only=True)
print(f"最好的一轮：第 {best['epoch']} 轮，已存为 runs/main/best.pt")
# --8<-- [end:main]
