import torch
from sklearn import metrics

torch.manual_seed(0)
num_classes = 3

# 模拟一个三分类模型在 40 个样本上的预测：约七成预测正确，其余随机猜
targets = torch.randint(0, num_classes, (40,))
noise = torch.randint(0, num_classes, (40,))
preds = torch.where(torch.rand(40) < 0.7, targets, noise)


def confusion_matrix(targets, preds, num_classes):
    """行是真实类别，列是预测类别；cm[i, j] = 真实为 i、被预测为 j 的样本数。"""
    flat = targets * num_classes + preds  # 把 (i, j) 编成一个整数 i*C+j，再数个数
    return torch.bincount(flat, minlength=num_classes**2).reshape(num_classes, num_classes)


def precision_recall_f1(cm):
    """由混淆矩阵算每个类别的精确率、召回率和 F1；分母为 0 时记为 0。"""
    tp = cm.diag().float()
    predicted = cm.sum(dim=0).float()  # 每列之和：被预测为该类的样本数
    actual = cm.sum(dim=1).float()  # 每行之和：真实属于该类的样本数
    precision = torch.where(predicted > 0, tp / predicted, 0.0)
    recall = torch.where(actual > 0, tp / actual, 0.0)
    denom = precision + recall
    f1 = torch.where(denom > 0, 2 * precision * recall / denom, 0.0)
    return precision, recall, f1


cm = confusion_matrix(targets, preds, num_classes)
precision, recall, f1 = precision_recall_f1(cm)
accuracy = cm.diag().sum().item() / cm.sum().item()

print("混淆矩阵（行=真实，列=预测）：\n", cm)
print(f"每类精确率：{precision.round(decimals=4)}")
print(f"每类召回率：{recall.round(decimals=4)}")
print("每类 F1:   ", f1.round(decimals=4))
print(f"准确率：{accuracy:.4f}")
print(f"宏平均 精确率 {precision.mean():.4f} 召回率 {recall.mean():.4f} F1 {f1.mean():.4f}")

# 用 scikit-learn 交叉核对（它接受 NumPy 数组，所以先 .numpy()）
y_true, y_pred = targets.numpy(), preds.numpy()
sk_cm = metrics.confusion_matrix(y_true, y_pred)
sk_p, sk_r, sk_f1, _ = metrics.precision_recall_fscore_support(
    y_true, y_pred, average="macro", zero_division=0
)
print(f"sklearn 混淆矩阵一致：{(sk_cm == cm.numpy()).all()}")
print(f"sklearn 准确率：{metrics.accuracy_score(y_true, y_pred):.4f}")
print(f"sklearn 宏平均 精确率 {sk_p:.4f} 召回率 {sk_r:.4f} F1 {sk_f1:.4f}")
torch.testing.assert_close(f1.mean().item(), float(sk_f1))

# 注意：宏平均 F1 是“每类 F1 的平均”，不等于“宏平均精确率与召回率再求 F1”
p, r = precision.mean(), recall.mean()
print(f"用宏平均 P、R 再算 F1（不是标准定义）：{2 * p * r / (p + r):.4f}")
