"""阈值、ROC 曲线与 PR 曲线：同一个模型，阈值不同，精确率与召回率此消彼长。"""

import matplotlib.pyplot as plt
import torch
from sklearn.metrics import average_precision_score, roc_auc_score

torch.manual_seed(0)
# 不平衡的二分类：正类只占 20%；模型给每个样本一个“属于正类”的分数（这里直接模拟）
n_pos, n_neg = 100, 400
y = torch.cat([torch.ones(n_pos), torch.zeros(n_neg)])
scores = torch.sigmoid(torch.cat([torch.randn(n_pos) + 1.5, torch.randn(n_neg) - 0.5]))


def confusion_at(threshold):
    pred = scores >= threshold
    tp = (pred & (y == 1)).sum().item()
    fp = (pred & (y == 0)).sum().item()
    fn = (~pred & (y == 1)).sum().item()
    tn = (~pred & (y == 0)).sum().item()
    return tp, fp, fn, tn


print("阈值   TP   FP   FN   TN   精确率  召回率  假正率")
for t in [0.3, 0.5, 0.7, 0.9]:
    tp, fp, fn, tn = confusion_at(t)
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(
        f"{t:.1f}  {tp:4d} {fp:4d} {fn:4d} {tn:4d}  {precision:6.3f}  {tp / n_pos:6.3f}  {fp / n_neg:6.3f}"
    )

# 把每个样本的分数都当一次阈值，就得到整条曲线
thresholds = scores.sort(descending=True).values
tpr, fpr, prec = [], [], []
for t in thresholds:
    tp, fp, fn, tn = confusion_at(t)
    tpr.append(tp / n_pos)
    fpr.append(fp / n_neg)
    prec.append(tp / (tp + fp))
# ROC 曲线下面积（梯形法）= 随机取一个正样本、一个负样本，正样本分数更高的概率
auc = torch.trapezoid(
    torch.tensor([0.0, *tpr], dtype=torch.float64), torch.tensor([0.0, *fpr], dtype=torch.float64)
).item()
print(f"ROC AUC：手算 {auc:.3f}，scikit-learn {roc_auc_score(y, scores):.3f}")
print(
    f"PR 曲线的平均精度（AP）：{average_precision_score(y, scores):.3f}，正类比例 {n_pos / len(y):.2f}"
)

fig, (ax_roc, ax_pr) = plt.subplots(1, 2, figsize=(9, 4))
ax_roc.plot(fpr, tpr, label=f"model (AUC={auc:.3f})")
ax_roc.plot([0, 1], [0, 1], "--", color="gray", label="random guess")
ax_roc.set_xlabel("false positive rate")
ax_roc.set_ylabel("true positive rate (recall)")
ax_roc.set_title("ROC curve")
ax_pr.plot(tpr, prec, label="model")
ax_pr.axhline(n_pos / len(y), linestyle="--", color="gray", label="random guess")
ax_pr.set_xlabel("recall")
ax_pr.set_ylabel("precision")
ax_pr.set_title("precision-recall curve")
for ax in (ax_roc, ax_pr):
    ax.legend(loc="lower right" if ax is ax_roc else "lower left")
    ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig("roc_pr_curves.png", dpi=100)
