import csv
import json
from pathlib import Path

import torch

RUN = Path("runs/main")
COST_MISS, COST_ALARM = 20.0, 1.0  # 漏掉一个缺陷的代价是一次误报的 20 倍


def load(split):
    with open(RUN / "scores.csv", newline="", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["split"] == split]
    score = torch.tensor([float(r["defect_score"]) for r in rows], dtype=torch.float64)
    return score, torch.tensor([r["label"] != "good" for r in rows])


def cost(score, defect, t):
    reject = score >= t
    misses, alarms = int((~reject & defect).sum()), int((reject & ~defect).sum())
    return COST_MISS * misses + COST_ALARM * alarms, misses, alarms


val_score, val_defect = load("val")
# 候选阈值：验证集上出现过的每个分数（阈值只有落在两个分数之间才会改变判定）
candidates = val_score.unique().tolist()
costs = [cost(val_score, val_defect, t)[0] for t in candidates]
best = min(costs)
# 代价相同的阈值里取最高的：同样的代价，误报越少越好
t_cost = max(t for t, c in zip(candidates, costs, strict=True) if c == best)
t_recall = json.loads((RUN / "decision.json").read_text())["threshold"]

test_score, test_defect = load("test")
for name, t in [("按代价选", t_cost), ("按召回率 98% 选", t_recall), ("默认 0.5", 0.5)]:
    c_val = cost(val_score, val_defect, t)
    c_test, misses, alarms = cost(test_score, test_defect, t)
    print(
        f"{name}：阈值 {t:.3g}，验证集代价 {c_val[0]:.0f}；"
        f"测试集漏检 {misses}、误报 {alarms}，代价 {c_test:.0f}"
    )
