# 输出容差：units=20
import copy

import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# --8<-- [start:data]
# 七段数码管的七段：a 上、b 右上、c 右下、d 下、e 左下、f 左上、g 中
DIGITS = ["abcdef", "bc", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc", "abcdefg", "abcdfg"]
LETTERS = ["abcefg", "cdefg", "adef", "bcdeg", "adefg", "aefg", "bcefg", "def", "abefg", "bcdef"]
SIZE = 16


def make_task(codes, n_per_class, seed):
    """按七段编码画 16x16 灰度图：位置、大小、笔画粗细、亮度都随机，再加高斯噪声。"""
    gen = torch.Generator().manual_seed(seed)
    labels = torch.arange(len(codes)).repeat(n_per_class)
    n = len(labels)
    table = torch.tensor([[s in code for s in "abcdefg"] for code in codes], dtype=torch.float32)
    on = table[labels]

    def uniform(lo, hi):
        return lo + (hi - lo) * torch.rand(n, 1, 1, generator=gen)

    w, h, t = uniform(4.5, 7.5), uniform(8.0, 12.0), uniform(1.0, 2.0)
    x0, y0 = uniform(1.0, SIZE - 1.0 - w), uniform(1.0, SIZE - 1.0 - h)
    x1, y1, ym = x0 + w, y0 + h, y0 + h / 2
    ys, xs = torch.meshgrid(torch.arange(SIZE) + 0.5, torch.arange(SIZE) + 0.5, indexing="ij")

    def rect(xa, xb, ya, yb):
        return ((xs >= xa) & (xs <= xb) & (ys >= ya) & (ys <= yb)).float()

    segments = [
        rect(x0, x1, y0, y0 + t),  # a
        rect(x1 - t, x1, y0, ym),  # b
        rect(x1 - t, x1, ym, y1),  # c
        rect(x0, x1, y1 - t, y1),  # d
        rect(x0, x0 + t, ym, y1),  # e
        rect(x0, x0 + t, y0, ym),  # f
        rect(x0, x1, ym - t / 2, ym + t / 2),  # g
    ]
    image = torch.zeros(n, SIZE, SIZE)
    for k, segment in enumerate(segments):
        image = torch.maximum(image, segment * on[:, k, None, None])
    image = image * uniform(0.6, 1.0) + 0.15 * torch.randn(n, SIZE, SIZE, generator=gen)
    return image.unsqueeze(1), labels


# --8<-- [end:data]


# --8<-- [start:model]
class SmallCNN(nn.Module):
    """主干 features 输出 32 维特征，head 是可替换的分类头。"""

    def __init__(self, num_classes=10):
        super().__init__()

        def block(c_in, c_out):
            # 紧跟 BatchNorm 的卷积不需要偏置
            return nn.Sequential(
                nn.Conv2d(c_in, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU()
            )

        self.features = nn.Sequential(
            block(1, 8),
            nn.MaxPool2d(2),
            block(8, 16),
            nn.MaxPool2d(2),
            block(16, 32),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
        )
        self.head = nn.Linear(32, num_classes)

    def forward(self, x):
        return self.head(self.features(x))


# --8<-- [end:model]


@torch.inference_mode()
def accuracy(model, x, y):
    model.eval()
    return (model(x.to(device)).argmax(1) == y.to(device)).float().mean().item()


def fit(model, x, y, params, epochs, batch_size, test=None, freeze_bn=False, seed=0):
    """小批量训练，学习率按余弦退火降到 0；给了 test 就每 2 轮记录一次测试准确率。"""
    optimizer = torch.optim.Adam(params)
    steps = epochs * -(-len(y) // batch_size)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, steps)
    gen = torch.Generator().manual_seed(seed)
    curve = []
    for epoch in range(1, epochs + 1):
        model.train()
        if freeze_bn:
            model.features.eval()  # 冻结的主干里 BatchNorm 保持评估模式
        for idx in torch.randperm(len(y), generator=gen).split(batch_size):
            loss = F.cross_entropy(model(x[idx].to(device)), y[idx].to(device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
        if test is not None and epoch % 2 == 0:
            curve.append(accuracy(model, *test))
    return curve


# 1. 源任务：七段数字 0～9，每类 300 张，带标签充足
x_src, y_src = make_task(DIGITS, 300, seed=1)
x_src_test, y_src_test = make_task(DIGITS, 50, seed=2)
source = SmallCNN(10).to(device)
fit(source, x_src, y_src, [{"params": source.parameters(), "lr": 5e-3}], epochs=4, batch_size=64)
print(f"源任务（数字）测试准确率：{accuracy(source, x_src_test, y_src_test):.1%}")

# --8<-- [start:methods]
# 2. 目标任务：七段字母 A b C d E F H L P U，每类只有 10 张带标签的图
test_set = make_task(LETTERS, 30, seed=20)
EPOCHS, BATCH = 10, 20
names = ["从零训练", "特征提取", "微调"]
curves = {name: [] for name in names}
for subset in range(3):  # 换 3 份不同的标注子集，取平均
    x_tgt, y_tgt = make_task(LETTERS, 10, seed=10 + subset)
    torch.manual_seed(subset)

    # (a) 从零训练：同样的网络，随机初始化
    scratch = SmallCNN(10).to(device)
    params = [{"params": scratch.parameters(), "lr": 3e-3}]
    curves["从零训练"].append(fit(scratch, x_tgt, y_tgt, params, EPOCHS, BATCH, test_set))

    # (b) 特征提取：冻结预训练主干，只训练新的分类头
    frozen = copy.deepcopy(source)
    frozen.head = nn.Linear(32, 10).to(device)
    frozen.features.requires_grad_(False)
    params = [{"params": frozen.head.parameters(), "lr": 1e-2}]
    curves["特征提取"].append(
        fit(frozen, x_tgt, y_tgt, params, EPOCHS, BATCH, test_set, freeze_bn=True)
    )

    # (c) 微调：全部参数都训练，主干的学习率是新分类头的十分之一
    tuned = copy.deepcopy(source)
    tuned.head = nn.Linear(32, 10).to(device)
    params = [
        {"params": tuned.features.parameters(), "lr": 1e-3},
        {"params": tuned.head.parameters(), "lr": 1e-2},
    ]
    curves["微调"].append(fit(tuned, x_tgt, y_tgt, params, EPOCHS, BATCH, test_set))
# --8<-- [end:methods]

# 3. 汇总：3 份子集上最后一轮的测试准确率
print(f"目标任务：10 类字母，每类 10 张训练图，{len(test_set[1])} 张测试图")
print("平均准确率  最低    最高    方法")
for name in names:
    final = torch.tensor([c[-1] for c in curves[name]])
    print(f"{final.mean():9.1%}  {final.min():6.1%}  {final.max():6.1%}  {name}")

epochs_axis = list(range(2, EPOCHS + 1, 2))
labels_en = {"从零训练": "from scratch", "特征提取": "feature extraction", "微调": "fine-tuning"}
plt.figure(figsize=(6, 4))
for name in names:
    mean_curve = torch.tensor(curves[name]).mean(0)
    plt.plot(epochs_axis, mean_curve, marker="o", label=labels_en[name])
plt.xlabel("epoch")
plt.ylabel("target test accuracy (mean of 3 label subsets)")
plt.ylim(0, 1)
plt.grid(alpha=0.3)
plt.legend()
plt.tight_layout()
plt.savefig("transfer_curves.png", dpi=100)
