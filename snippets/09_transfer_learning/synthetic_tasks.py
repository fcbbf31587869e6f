import matplotlib.pyplot as plt
import torch

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


source_x, source_y = make_task(DIGITS, 300, seed=1)
target_x, target_y = make_task(LETTERS, 10, seed=10)
print("源任务：", tuple(source_x.shape), "类别数", len(DIGITS))
print("目标任务：", tuple(target_x.shape), "类别数", len(LETTERS))
print(f"像素均值 {source_x.mean():.2f}，标准差 {source_x.std():.2f}")

# 两行样例：上面是源任务的 10 个数字，下面是目标任务的 10 个字母
digit_names = [str(d) for d in range(10)]
letter_names = list("AbCdEFHLPU")
fig, axes = plt.subplots(2, 10, figsize=(10, 2.3))
for row, (x, names) in enumerate([(source_x, digit_names), (target_x, letter_names)]):
    for k in range(10):
        axes[row, k].imshow(x[k, 0], cmap="gray", vmin=0, vmax=1)
        axes[row, k].set_title(names[k], fontsize=9)
        axes[row, k].axis("off")
plt.tight_layout()
plt.savefig("seven_segment_tasks.png", dpi=80)
