import torch
from sklearn.metrics import roc_curve

torch.manual_seed(0)
# 假想的异常分数：良品集中在 1 附近，缺陷整体偏高但有重叠
good = torch.randn(1000) * 0.3 + 1.0
defect = torch.randn(100) * 0.5 + 2.0

for target_fpr in (0.01, 0.05):
    # 阈值取良品分数的 (1 - 目标误报率) 分位数：只有这么多良品会超过它
    thr = torch.quantile(good, 1 - target_fpr)
    fpr = (good > thr).float().mean()
    recall = (defect > thr).float().mean()
    print(f"目标误报率 {target_fpr:.0%}：阈值 {thr:.3f}，实际误报率 {fpr:.1%}，检出率 {recall:.0%}")

# 用 ROC 曲线核对：误报率不超过 5% 的点里，检出率最高的那个
scores = torch.cat([good, defect])
labels = torch.cat([torch.zeros(1000), torch.ones(100)])
fpr, tpr, thresholds = roc_curve(labels, scores)
i = int((fpr <= 0.05).sum()) - 1
print(f"ROC 曲线上误报率 ≤ 5% 的最高检出率：{tpr[i]:.0%}（阈值 {thresholds[i]:.3f}）")
