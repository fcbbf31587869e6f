"""transforms.v2.MixUp 与 CutMix：把两张图和它们的标签按比例混在一起。"""

import torch
from torch.utils.data import DataLoader, TensorDataset, default_collate
from torchvision.transforms import v2

torch.manual_seed(0)
NUM_CLASSES = 4
# 8 张 3×8×8 的小图：第 i 张图的像素全是 i，方便看出混进了谁
images = torch.arange(8.0).view(8, 1, 1, 1).expand(8, 3, 8, 8).clone()
labels = torch.tensor([0, 1, 2, 3, 0, 1, 2, 3])

# MixUp 和 CutMix 作用在一整个批次上：批内样本两两配对，所以放在 collate_fn 之后
mixup = v2.MixUp(alpha=1.0, num_classes=NUM_CLASSES)
cutmix = v2.CutMix(alpha=1.0, num_classes=NUM_CLASSES)

xb, yb = mixup(images[:4], labels[:4])
print(f"MixUp 之后：图片 {tuple(xb.shape)}，标签 {tuple(yb.shape)}（整数标签变成了软标签）")
print(f"  第 0 张图的像素值：{xb[0, 0, 0, 0]:.3f}（原本是 0）")
print(f"  第 0 个标签：{[round(v, 3) for v in yb[0].tolist()]}")
print(f"  每行标签之和：{[round(v, 3) for v in yb.sum(dim=1).tolist()]}")

xb, yb = cutmix(images[:4], labels[:4])
values, counts = xb[0, 0].unique(return_counts=True)
share = {int(v): round(c.item() / 64, 3) for v, c in zip(values, counts, strict=True)}
print(f"CutMix 之后第 0 张图里各像素值所占的面积：{share}")
print(f"  第 0 个标签：{[round(v, 3) for v in yb[0].tolist()]}（比例与面积一致）")

# 训练时常见的写法：每个批次随机选 MixUp 或 CutMix 之一
mix_or_cut = v2.RandomChoice([mixup, cutmix])


def collate_with_mix(batch):
    return mix_or_cut(*default_collate(batch))


loader = DataLoader(TensorDataset(images, labels), batch_size=4, collate_fn=collate_with_mix)
for xb, yb in loader:
    print(f"DataLoader 给出的批次：{tuple(xb.shape)}，软标签 {tuple(yb.shape)}，dtype {yb.dtype}")

# 软标签可以直接交给 CrossEntropyLoss（目标是每个类别的概率）
logits = torch.zeros(4, NUM_CLASSES, requires_grad=True)
loss = torch.nn.functional.cross_entropy(logits, yb)
print(f"对均匀预测的交叉熵：{loss.item():.4f}（= ln 4）")
