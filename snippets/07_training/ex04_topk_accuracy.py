import torch
from sklearn.metrics import top_k_accuracy_score

torch.manual_seed(0)

# 10 个类别、100 个样本的 logits：让正确类别的分数略微偏高
targets = torch.randint(0, 10, (100,))
logits = torch.randn(100, 10)
logits[torch.arange(100), targets] += 1.5


def topk_accuracy(logits, targets, ks=(1, 5)):
    """正确类别落在分数最高的 k 个类别之内，就算对。"""
    max_k = max(ks)
    _, top = logits.topk(max_k, dim=1)  # (N, max_k)，按分数从高到低
    hits = top == targets.unsqueeze(1)  # 广播比较，每行最多一个 True
    return {k: hits[:, :k].any(dim=1).float().mean().item() for k in ks}


result = topk_accuracy(logits, targets, ks=(1, 3, 5))
for k, acc in result.items():
    sk = top_k_accuracy_score(targets.numpy(), logits.numpy(), k=k, labels=list(range(10)))
    print(f"top-{k} 准确率：手写 {acc:.2f}，sklearn {sk:.2f}")
print(f"top-1 与普通准确率相同：{result[1] == (logits.argmax(1) == targets).float().mean().item()}")
