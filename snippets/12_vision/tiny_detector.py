import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import torch
import torch.nn.functional as F
from torch import nn
from torchvision.ops import batched_nms, box_convert, box_iou
from torchvision.utils import draw_bounding_boxes

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
if device.type == "mps":  # MPS 不支持 float64，退回 CPU
    device = torch.device("cpu")
# 用 float64：训练会把 CPU 内核之间极小的舍入差异一轮轮放大，float32 下换一种 CPU 设置，
# AP 就可能差出几个百分点；float64 把这种差异压到 1e-12 左右，各台机器上结果相同。
# 设成默认类型，数据和模型参数一创建就是 float64
torch.set_default_dtype(torch.float64)
NAMES = ["square", "circle", "triangle"]  # 类别 1、2、3；0 留给背景
S, STRIDE = 64, 8  # 64×64 的图，输出 8×8 的网格，每格负责中心落在格里的那个目标


def make_scenes(n, seed):
    """每张图 1～3 个目标，放在 4×4 粗网格的不同格子里，互不重叠。"""
    g = torch.Generator().manual_seed(seed)
    images = torch.rand(n, 3, S, S, generator=g) * 0.3
    ys, xs = torch.meshgrid(torch.arange(S), torch.arange(S), indexing="ij")
    boxes, labels = [], []
    for i in range(n):
        cells = torch.randperm(16, generator=g)[: int(torch.randint(1, 4, (1,), generator=g))]
        b, lab = [], []
        for c in cells.tolist():
            r = float(torch.randint(5, 10, (1,), generator=g))
            cx = (c % 4) * 16 + 8 + float(torch.randint(-3, 4, (1,), generator=g))
            cy = (c // 4) * 16 + 8 + float(torch.randint(-3, 4, (1,), generator=g))
            k = int(torch.randint(1, 4, (1,), generator=g))
            dx, dy = xs - cx, ys - cy
            if k == 1:
                mask = (dx.abs() <= r) & (dy.abs() <= r)
            elif k == 2:
                mask = dx**2 + dy**2 <= r**2
            else:
                mask = (dy.abs() <= r) & (dx.abs() <= (dy + r) / 2)
            images[i][:, mask] = torch.rand(3, 1, generator=g) * 0.5 + 0.5
            b.append([max(cx - r, 0), max(cy - r, 0), min(cx + r, S), min(cy + r, S)])
            lab.append(k)
        boxes.append(torch.tensor(b))
        labels.append(torch.tensor(lab))
    return images, boxes, labels


# --8<-- [start:targets]
def encode(boxes, labels):
    """把一张图的目标写成网格目标：每格一个类别（0=背景）和一组框参数。"""
    G = S // STRIDE
    cls = torch.zeros(G, G, dtype=torch.long)
    reg = torch.zeros(4, G, G)
    cxcywh = box_convert(boxes, "xyxy", "cxcywh")
    for (cx, cy, w, h), k in zip(cxcywh.tolist(), labels.tolist(), strict=True):
        gx, gy = int(cx // STRIDE), int(cy // STRIDE)
        cls[gy, gx] = k
        # 中心在格内的相对位置（0～1），宽高取对数，让大小框的误差量级相近
        reg[:, gy, gx] = torch.tensor([cx / STRIDE - gx, cy / STRIDE - gy, w / 16, h / 16]).log1p()
    return cls, reg


def decode(logits, reg, score_thresh=0.05):
    """网络输出 -> 每张图的 (boxes, scores, labels)，最后做按类别的 NMS。"""
    G = logits.shape[-1]
    probs = logits.softmax(dim=1)  # (N, 4, G, G)
    scores, labels = probs[:, 1:].max(dim=1)  # 不算背景，取最可能的前景类别
    labels = labels + 1
    gy, gx = torch.meshgrid(torch.arange(G), torch.arange(G), indexing="ij")
    off = reg.expm1()  # encode 里用了 log1p，这里反过来
    cx = (gx + off[:, 0]) * STRIDE
    cy = (gy + off[:, 1]) * STRIDE
    wh = off[:, 2:] * 16
    results = []
    for i in range(len(logits)):
        keep = scores[i] > score_thresh
        b = torch.stack([cx[i][keep], cy[i][keep], wh[i, 0][keep], wh[i, 1][keep]], dim=1)
        b = box_convert(b, "cxcywh", "xyxy")
        s, lab = scores[i][keep], labels[i][keep]
        k = batched_nms(b, s, lab, iou_threshold=0.5)  # 只在同一类别内部互相抑制
        results.append((b[k], s[k], lab[k]))
    return results


# --8<-- [end:targets]


# --8<-- [start:map]
def average_precision(dets, gts, iou_thr=0.5):
    """一个类别的 AP。dets：[(图号, 分数, 框)]，gts：{图号: 真实框张量}。"""
    n_gt = sum(len(b) for b in gts.values())
    dets = sorted(dets, key=lambda d: -d[1])  # 分数从高到低
    matched = {i: torch.zeros(len(b), dtype=torch.bool) for i, b in gts.items()}
    tp = torch.zeros(len(dets))
    for j, (i, _, box) in enumerate(dets):
        if i not in gts or len(gts[i]) == 0:
            continue  # 这张图里没有这一类：假正例
        ious = box_iou(box[None], gts[i])[0]
        ious[matched[i]] = -1  # 已被更高分的检测占用的真实框不能再匹配
        best = ious.argmax()
        if ious[best] >= iou_thr:
            tp[j] = 1
            matched[i][best] = True
    tp_cum, fp_cum = tp.cumsum(0), (1 - tp).cumsum(0)
    recall = tp_cum / n_gt
    precision = tp_cum / (tp_cum + fp_cum)
    # 全点插值：把精确率改成“它右边的最大值”，再对召回率积分
    precision = torch.cat([precision, torch.zeros(1)]).flip(0).cummax(0).values.flip(0)
    recall = torch.cat([torch.zeros(1), recall])
    return float(((recall[1:] - recall[:-1]) * precision[:-1]).sum())


def mean_average_precision(predictions, gt_boxes, gt_labels, num_classes=3):
    aps = []
    for k in range(1, num_classes + 1):
        dets = [
            (i, float(s), b)
            for i, (boxes, scores, labels) in enumerate(predictions)
            for b, s, lab in zip(boxes, scores, labels, strict=True)
            if lab == k
        ]
        gts = {i: gb[gl == k] for i, (gb, gl) in enumerate(zip(gt_boxes, gt_labels, strict=True))}
        aps.append(average_precision(dets, gts))
    return sum(aps) / len(aps), aps


# --8<-- [end:map]


def block(cin, cout, stride, kernel=3):
    # 3×3 卷积四周补一圈 0；4×4 卷积不补边，步幅 4 时正好把不重叠的 4×4 小块各变成一个位置
    pad = 1 if kernel == 3 else 0
    return nn.Sequential(
        nn.Conv2d(cin, cout, kernel, stride, pad, bias=False), nn.BatchNorm2d(cout), nn.ReLU()
    )


model = nn.Sequential(
    block(3, 16, 4, kernel=4),  # 64 -> 16：先把图缩小 4 倍，后面的卷积就便宜得多
    block(16, 32, 2), block(32, 32, 1), block(32, 32, 1),  # 16 -> 8
    nn.Conv2d(32, 4 + 4, 1),  # 每格 4 个类别分数（含背景）+ 4 个框参数
).to(device)  # fmt: skip

train_x, train_boxes, train_labels = make_scenes(800, seed=1)
test_x, test_boxes, test_labels = make_scenes(200, seed=2)
train_cls, train_reg = map(torch.stack, zip(*map(encode, train_boxes, train_labels), strict=True))

# --8<-- [start:train]
optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
class_weight = torch.tensor([0.1, 1.0, 1.0, 1.0], device=device)  # 背景格太多，给它降权
g = torch.Generator().manual_seed(0)
for epoch in range(1, 11):
    model.train()
    total = 0.0
    for idx in torch.randperm(len(train_x), generator=g).split(32):
        x, cls, reg = train_x[idx].to(device), train_cls[idx].to(device), train_reg[idx].to(device)
        out = model(x)
        loss_cls = F.cross_entropy(out[:, :4], cls, weight=class_weight)
        pos = (cls > 0).unsqueeze(1).expand_as(reg)  # 只有放着目标的格子才回归框
        loss_box = F.smooth_l1_loss(out[:, 4:][pos], reg[pos])
        loss = loss_cls + 5 * loss_box
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total += loss.item() * len(idx)
    if epoch % 2 == 0:
        print(f"轮次 {epoch}：训练损失 {total / len(train_x):.3f}")
# --8<-- [end:train]

model.eval()
with torch.inference_mode():
    out = model(test_x.to(device)).cpu()
predictions = decode(out[:, :4], out[:, 4:])
m, aps = mean_average_precision(predictions, test_boxes, test_labels)
print("各类 AP@0.5：", {n: round(a, 3) for n, a in zip(NAMES, aps, strict=True)})
print(f"mAP@0.5：{m:.3f}")
n_gt = sum(len(b) for b in test_boxes)
n_det = sum(int((s > 0.5).sum()) for _, s, _ in predictions)
print(f"测试集共 {n_gt} 个目标，分数 > 0.5 的检测框 {n_det} 个")

fig, axes = plt.subplots(2, 4, figsize=(9, 4.8))
for ax, i in zip(axes.flat, range(8), strict=True):
    boxes, scores, labels = predictions[i]
    keep = scores > 0.5
    # 放大 4 倍再画，文字才看得清；白框是真实框，黄框是分数 > 0.5 的检测
    img = F.interpolate(test_x[i : i + 1], scale_factor=4)[0].mul(255).to(torch.uint8)
    img = draw_bounding_boxes(img, test_boxes[i] * 4, colors="white", width=1)
    text = [f"{NAMES[k - 1]} {s:.2f}" for k, s in zip(labels[keep], scores[keep], strict=True)]
    img = draw_bounding_boxes(img, boxes[keep] * 4, text, colors="yellow", width=2)
    ax.imshow(img.permute(1, 2, 0))
    ax.axis("off")
fig.tight_layout()
fig.savefig("tiny_detector.png", dpi=100)

torch.set_default_dtype(torch.float32)  # 还原默认类型，同一进程里接着运行的代码不受影响
