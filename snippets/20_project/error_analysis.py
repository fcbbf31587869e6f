import csv
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torchvision.io import ImageReadMode, decode_image

DATA, RUN = Path("data"), Path("runs/main")


def contrast(file):
    """缺陷有多显眼：去掉照明和纹理之后，残差的最大绝对值（与 baseline.py 的规则相同）。"""
    x = decode_image(str(DATA / file), mode=ImageReadMode.GRAY).float().unsqueeze(0) / 255
    background = F.avg_pool2d(x, 15, stride=1, padding=7, count_include_pad=False)
    return F.avg_pool2d(x - background, 5, stride=1).abs().max().item()


# --8<-- [start:errors]
threshold = json.loads((RUN / "decision.json").read_text())["threshold"]
with open(RUN / "scores.csv", newline="", encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(f) if r["split"] == "test"]
for r in rows:
    r["score"] = float(r["defect_score"])
misses = [r for r in rows if r["label"] != "good" and r["score"] < threshold]
alarms = [r for r in rows if r["label"] == "good" and r["score"] >= threshold]
print(f"阈值 {threshold:.3g}：漏检 {len(misses)} 张，误报 {len(alarms)} 张")
for r in sorted(misses + alarms, key=lambda r: r["score"]):
    kind = "漏检" if r["label"] != "good" else "误报"
    print(f"  {kind} {r['file']}：真实 {r['label']:7s} 缺陷分数 {r['score']:.3f}")

# 漏掉的缺陷是不是本来就淡？和检出的缺陷比一比显眼程度
found = [contrast(r["file"]) for r in rows if r["label"] != "good" and r["score"] >= threshold]
goods = [contrast(r["file"]) for r in rows if r["label"] == "good"]
print(f"检出的缺陷：显眼程度中位数 {torch.tensor(found).median():.3f}")
print(f"漏检的缺陷：{[round(contrast(r['file']), 3) for r in misses]}")
print(f"良品：显眼程度中位数 {torch.tensor(goods).median():.3f}，最大 {max(goods):.3f}")
# --8<-- [end:errors]

fig, axes = plt.subplots(1, len(misses + alarms), figsize=(2 * len(misses + alarms), 2.4))
for ax, r in zip(axes, misses + alarms, strict=True):
    ax.imshow(decode_image(str(DATA / r["file"]))[0], cmap="gray", vmin=0, vmax=255)
    kind = "missed" if r["label"] != "good" else "false alarm"
    ax.set_title(f"{kind}\n{r['label']} {r['score']:.2f}", fontsize=9)
    ax.axis("off")
fig.tight_layout()
plt.savefig("errors.png", dpi=80)
