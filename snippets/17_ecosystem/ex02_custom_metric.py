import torch
from torchmetrics import Metric
from torchmetrics.classification import MulticlassAccuracy


class TopKAccuracy(Metric):
    """top-k 准确率：状态只有两个计数，多进程时按求和合并。"""

    higher_is_better = True

    def __init__(self, k=3):
        super().__init__()
        self.k = k
        # dist_reduce_fx="sum"：分布式训练时把各进程的计数加起来
        self.add_state("correct", default=torch.tensor(0), dist_reduce_fx="sum")
        self.add_state("total", default=torch.tensor(0), dist_reduce_fx="sum")

    def update(self, logits, target):
        topk = logits.topk(self.k, dim=1).indices
        self.correct += (topk == target.unsqueeze(1)).any(dim=1).sum()
        self.total += target.numel()

    def compute(self):
        return self.correct.float() / self.total


torch.manual_seed(0)
mine = TopKAccuracy(k=3)
builtin = MulticlassAccuracy(num_classes=10, top_k=3, average="micro")
for _ in range(4):
    target = torch.randint(0, 10, (50,))
    logits = torch.randn(50, 10)
    logits[torch.arange(50), target] += 1.0
    mine.update(logits, target)
    builtin.update(logits, target)

print(f"自己写的 top-3 准确率：{mine.compute():.3f}（{int(mine.correct)}/{int(mine.total)}）")
print(f"torchmetrics 内置：{builtin.compute():.3f}")
mine.reset()
print(f"reset 后：correct={int(mine.correct)}，total={int(mine.total)}")
