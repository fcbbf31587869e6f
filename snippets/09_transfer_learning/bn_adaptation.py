# 输出容差：units=10
import copy

import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)

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


@torch.inference_mode()
def accuracy(model, x, y):
    model.eval()
    return (model(x).argmax(1) == y).float().mean().item()


# 在源域（干净的数字图）上训练
x_train, y_train = make_task(DIGITS, 300, seed=1)
model = SmallCNN(10)
optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, 4 * 47)
gen = torch.Generator().manual_seed(0)
for _ in range(4):
    model.train()
    for idx in torch.randperm(len(y_train), generator=gen).split(64):
        loss = F.cross_entropy(model(x_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()

# 目标域：同样的数字，但对比度只剩 0.3 倍、整体亮了 0.5（好比换了一台相机）
x_test, y_test = make_task(DIGITS, 50, seed=2)
x_unlabeled, _ = make_task(DIGITS, 50, seed=3)  # 目标域上另一批图，不用标签


def shift(x):
    return 0.3 * x + 0.5


print(f"源域测试准确率：{accuracy(model, x_test, y_test):.1%}")
print(f"像素均值 源域 {x_test.mean():.2f}，目标域 {shift(x_test).mean():.2f}")
print(f"目标域测试准确率：{accuracy(model, shift(x_test), y_test):.1%}")


# --8<-- [start:adapt]
@torch.no_grad()
def adapt_batchnorm(model, unlabeled, batch_size=100):
    """用目标域的无标签数据重新估计所有 BatchNorm 的滑动均值和方差。"""
    for module in model.modules():
        if isinstance(module, nn.modules.batchnorm._BatchNorm):
            module.reset_running_stats()  # 清空源域的统计量
            module.momentum = None  # None 表示累积平均：每个批次权重相同
    model.train()  # 只有训练模式下 BatchNorm 才更新统计量
    for batch in unlabeled.split(batch_size):
        model(batch)
    model.eval()


# --8<-- [end:adapt]

adapted = copy.deepcopy(model)
adapt_batchnorm(adapted, shift(x_unlabeled))
print(f"重估 BatchNorm 统计量后：{accuracy(adapted, shift(x_test), y_test):.1%}")
var_before = model.features[0][1].running_var.mean().item()
var_after = adapted.features[0][1].running_var.mean().item()
print(f"第一层 BN 的 running_var 平均值：{var_before:.3f} -> {var_after:.4f}")
same = all(torch.equal(a, b) for a, b in zip(model.parameters(), adapted.parameters(), strict=True))
print("可学习参数一个都没变：", same)
