import torch
from torchmetrics import MetricCollection
from torchmetrics.classification import (
    MulticlassAccuracy,
    MulticlassConfusionMatrix,
    MulticlassF1Score,
)

torch.manual_seed(0)

# 一个三分类模型在 5 个批次上的预测：logits 与真实类别
num_classes = 3
batches = []
for _ in range(5):
    target = torch.randint(0, num_classes, (40,))
    logits = torch.randn(40, num_classes)
    logits[torch.arange(40), target] += 1.5  # 让正确类别的分数高一些
    batches.append((logits, target))

# 1. 一个指标对象：每个批次 update，全部结束后 compute
acc = MulticlassAccuracy(num_classes=num_classes, average="micro")
for i, (logits, target) in enumerate(batches):
    batch_value = acc(logits, target)  # 直接调用：更新状态，并返回这一批自己的值
    print(f"批次 {i}：本批准确率 {batch_value:.3f}")
print(f"累计准确率：{acc.compute():.3f}")

# 2. 核对：把所有批次拼起来一次算
all_logits = torch.cat([b[0] for b in batches])
all_target = torch.cat([b[1] for b in batches])
manual = (all_logits.argmax(dim=1) == all_target).float().mean()
print(f"手算准确率：{manual:.3f}")

# 3. 一组指标：MetricCollection 共享同样的 update/compute 接口
metrics = MetricCollection(
    {
        "acc_macro": MulticlassAccuracy(num_classes=num_classes, average="macro"),
        "f1_macro": MulticlassF1Score(num_classes=num_classes, average="macro"),
        "confmat": MulticlassConfusionMatrix(num_classes=num_classes),
    }
)
for logits, target in batches:
    metrics.update(logits, target)  # 只更新，不算本批的值，更省
result = metrics.compute()
print(f"宏平均准确率：{result['acc_macro']:.3f}，宏平均 F1：{result['f1_macro']:.3f}")
print(f"混淆矩阵（行是真实类别）：\n{result['confmat']}")
state = {name: tuple(value.shape) for name, value in acc.metric_state.items()}
print(f"准确率对象内部的状态：{state}")

# 4. 下一轮之前要 reset，否则会把上一轮的样本也算进去
metrics.reset()
acc.reset()
print(f"reset 后已更新：{acc.update_count} 次")
