import torch
from sklearn import metrics

torch.manual_seed(0)
class_names = ["猫", "狗", "鸟", "鱼"]
num_classes = len(class_names)

# 一个类别不平衡的测试集：鱼很少，模型对鱼的判断也最差
targets = torch.cat([torch.full((n,), c) for c, n in enumerate([40, 30, 20, 10])])
preds = targets.clone()
wrong = torch.rand(len(targets)) < torch.tensor([0.1, 0.2, 0.2, 0.5])[targets]
preds[wrong] = torch.randint(0, num_classes, (int(wrong.sum()),))

cm = torch.bincount(targets * num_classes + preds, minlength=num_classes**2).reshape(
    num_classes, num_classes
)
tp = cm.diag().float()
support = cm.sum(dim=1).float()  # 每类真实样本数
predicted = cm.sum(dim=0).float()
precision = torch.where(predicted > 0, tp / predicted, 0.0)
recall = torch.where(support > 0, tp / support, 0.0)
f1 = torch.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)

print("类别  精确率  召回率   F1    样本数")
for i, name in enumerate(class_names):
    print(f"{name}    {precision[i]:.3f}  {recall[i]:.3f}  {f1[i]:.3f}  {int(support[i]):>5}")
accuracy = (tp.sum() / support.sum()).item()
macro_f1 = f1.mean().item()
weighted_f1 = (f1 * support).sum().item() / support.sum().item()  # 按样本数加权
print(f"准确率 {accuracy:.3f}，宏平均 F1 {macro_f1:.3f}，加权平均 F1 {weighted_f1:.3f}")

# 与 scikit-learn 核对
y_true, y_pred = targets.numpy(), preds.numpy()
sk_macro = metrics.f1_score(y_true, y_pred, average="macro", zero_division=0)
sk_weighted = metrics.f1_score(y_true, y_pred, average="weighted", zero_division=0)
print(f"sklearn 宏平均 F1 {sk_macro:.3f}，加权平均 F1 {sk_weighted:.3f}")
torch.testing.assert_close(macro_f1, float(sk_macro))
torch.testing.assert_close(weighted_f1, float(sk_weighted))
print("与 sklearn 一致")
