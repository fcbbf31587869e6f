import csv
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset
from torchvision.io import ImageReadMode, decode_image
from torchvision.transforms import v2

torch.set_default_dtype(torch.float64)  # 与 train.py 一样用 float64，结果才能在各台机器上复现
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
if device.type == "mps":  # MPS 不支持 float64，退回 CPU
    device = torch.device("cpu")
CLASSES = ["good", "scratch", "spot", "dent"]
DATA, RUN = Path("data"), Path("runs/main")
TARGET_RECALL = 0.98  # 验收要求：缺陷至少检出 98%


# ---- 与 train.py 相同的数据集和模型定义（真实项目里从 src/ 里 import 同一份）----
class SurfaceDataset(Dataset):
    def __init__(self, root, split):
        self.root = Path(root)
        with open(self.root / "manifest.csv", newline="", encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f) if r["split"] == split]
        self.files = [r["file"] for r in rows]
        self.labels = [CLASSES.index(r["label"]) for r in rows]

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        image = decode_image(str(self.root / self.files[i]), mode=ImageReadMode.GRAY)
        return v2.functional.to_dtype(image, torch.float64, scale=True), self.labels[i]


def conv_block(c_in, c_out):
    return nn.Sequential(
        nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
        nn.BatchNorm2d(c_out),
        nn.ReLU(),
        nn.MaxPool2d(2),
    )


class DefectNet(nn.Module):
    def __init__(self, mean=0.5, std=0.25):
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))
        self.features = nn.Sequential(conv_block(1, 8), conv_block(8, 16), conv_block(16, 32))
        self.head = nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Linear(32, 4))

    def forward(self, x):
        return self.head(self.features((x - self.mean) / self.std))


# --8<-- [start:scores]
@torch.inference_mode()
def predict(model, split):
    """返回 (4 类概率, 真实类别, 文件名)。缺陷分数 = 1 - P(good)。"""
    dataset = SurfaceDataset(DATA, split)
    probs = [model(x.to(device)).softmax(1).cpu() for x, _ in DataLoader(dataset, batch_size=128)]
    return torch.cat(probs), torch.tensor(dataset.labels), dataset.files


model = DefectNet().to(device)
model.load_state_dict(torch.load(RUN / "best.pt", map_location=device, weights_only=True)["model"])
model.eval()
val_probs, val_y, val_files = predict(model, "val")
test_probs, test_y, test_files = predict(model, "test")
val_score, test_score = 1 - val_probs[:, 0], 1 - test_probs[:, 0]
# --8<-- [end:scores]


# --8<-- [start:threshold]
def binary_counts(score, labels, threshold):
    """把 分数 >= 阈值 判为缺陷（拒收）。返回 TP、FN、FP、TN，正类是缺陷。"""
    reject, defect = score >= threshold, labels != 0
    return [
        int(v.sum())
        for v in (reject & defect, ~reject & defect, reject & ~defect, ~reject & ~defect)
    ]


# 在验证集上选阈值：允许漏掉的缺陷最多 2%，在这个前提下阈值取得尽量高（误报最少）
defect_scores = val_score[val_y != 0].sort().values
allowed_misses = int(len(defect_scores) * (1 - TARGET_RECALL))
threshold = defect_scores[allowed_misses].item()
tp, fn, fp, tn = binary_counts(val_score, val_y, threshold)
print(f"验证集：{len(defect_scores)} 个缺陷最多漏 {allowed_misses} 个 -> 阈值 {threshold:.3g}")
print(f"  验证集上：检出 {tp}/{tp + fn}，误报 {fp}/{fp + tn}")
# --8<-- [end:threshold]

# --8<-- [start:test]
print("测试集（只在最后看这一次）：")
for name, t in [("默认阈值 0.5", 0.5), ("选定阈值", threshold)]:
    tp, fn, fp, tn = binary_counts(test_score, test_y, t)
    print(
        f"  {name}：漏检 {fn}，误报 {fp}，召回率 {tp / (tp + fn):.1%}，精确率 {tp / (tp + fp):.1%}"
    )
missed = (test_score < threshold) & (test_y != 0)
print(
    "  选定阈值下漏掉的缺陷：",
    {c: int((missed & (test_y == k)).sum()) for k, c in enumerate(CLASSES) if k},
)

pred = test_probs.argmax(1)
cm = torch.bincount(test_y * 4 + pred, minlength=16).reshape(4, 4)  # 行：真实，列：预测
print(f"  四分类准确率 {(pred == test_y).float().mean():.1%}，混淆矩阵（行真实、列预测）：")
for k, c in enumerate(CLASSES):
    print(f"    {c:8s}" + "".join(f"{v:5d}" for v in cm[k].tolist()))
# --8<-- [end:test]

# --8<-- [start:save]
# 阈值和每张图的分数都存下来：导出、服务、误差分析都读它们，不必重新推理
(RUN / "decision.json").write_text(
    json.dumps({"threshold": threshold, "target_recall": TARGET_RECALL})
)
with open(RUN / "scores.csv", "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f)
    writer.writerow(["split", "file", "label", "pred", "defect_score"])
    for split, probs, labels, files in [
        ("val", val_probs, val_y, val_files),
        ("test", test_probs, test_y, test_files),
    ]:
        for name, y, p in zip(files, labels.tolist(), probs.tolist(), strict=True):
            best = max(range(4), key=lambda k: p[k])
            writer.writerow([split, name, CLASSES[y], CLASSES[best], repr(1 - p[0])])
# --8<-- [end:save]

# 两张混淆矩阵：左边是四分类（取概率最大的类），右边是按选定阈值的 接收/拒收
tp, fn, fp, tn = binary_counts(test_score, test_y, threshold)
panels = [
    (cm, CLASSES, CLASSES, "4-class (argmax)"),
    (
        torch.tensor([[tn, fp], [fn, tp]]),
        ["good", "defect"],
        ["accept", "reject"],
        f"threshold {threshold:.3g}",
    ),
]
fig, axes = plt.subplots(1, 2, figsize=(9, 4))
for ax, (matrix, rows, cols, title) in zip(axes, panels, strict=True):
    ax.imshow(matrix, cmap="Blues")
    for i in range(len(rows)):
        for j in range(len(cols)):
            v = int(matrix[i, j])
            ax.text(
                j,
                i,
                v,
                ha="center",
                va="center",
                color="white" if v > matrix.max() / 2 else "black",
            )
    ax.set_xticks(range(len(cols)), cols)
    ax.set_yticks(range(len(rows)), rows)
    ax.set(xlabel="predicted", ylabel="true", title=title)
fig.tight_layout()
plt.savefig("confusion_matrix.png", dpi=80)
