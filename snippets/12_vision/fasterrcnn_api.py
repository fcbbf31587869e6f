# 输出容差：rel=0.1
import torch
from torchvision.models.detection import fasterrcnn_mobilenet_v3_large_320_fpn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


def make_scene(seed, size=128):
    """一张噪声背景的图，上面 1～2 个目标：类别 1 是方块，类别 2 是圆。"""
    g = torch.Generator().manual_seed(seed)
    image = torch.rand(3, size, size, generator=g) * 0.3
    ys, xs = torch.meshgrid(torch.arange(size), torch.arange(size), indexing="ij")
    boxes, labels = [], []
    for k in range(int(torch.randint(1, 3, (1,), generator=g))):
        r = int(torch.randint(12, 24, (1,), generator=g))
        # 第 k 个目标放在左半边或右半边，两个目标不会重叠
        cx = int(torch.randint(r, size // 2 - r + 1, (1,), generator=g)) + k * size // 2
        cy = int(torch.randint(r, size - r, (1,), generator=g))
        label = int(torch.randint(1, 3, (1,), generator=g))
        if label == 1:
            mask = ((xs - cx).abs() < r) & ((ys - cy).abs() < r)
        else:
            mask = (xs - cx) ** 2 + (ys - cy) ** 2 < r**2
        image[:, mask] = torch.rand(3, 1, generator=g) * 0.5 + 0.5
        boxes.append([cx - r, cy - r, cx + r, cy + r])
        labels.append(label)
    target = {"boxes": torch.tensor(boxes, dtype=torch.float32), "labels": torch.tensor(labels)}
    return image, target


# --8<-- [start:build]
# weights=None, weights_backbone=None：完全随机初始化，不下载任何东西。
# 不写 weights_backbone=None 时，它默认会去下载 ImageNet 预训练的骨干网络。
model = fasterrcnn_mobilenet_v3_large_320_fpn(
    weights=None,
    weights_backbone=None,
    num_classes=3,  # 背景 + 方块 + 圆：类别 0 永远留给背景
    min_size=128,  # 默认会把短边缩放到 320，这里的图本来就是 128
    max_size=128,
    rpn_batch_size_per_image=64,  # 每张图给 RPN 采样的锚框数（默认 256）
    box_batch_size_per_image=32,  # 每张图给检测头采样的候选框数（默认 512）
).to(device)
print(f"参数量：{sum(p.numel() for p in model.parameters()) / 1e6:.1f} M")
print(model.transform)
# --8<-- [end:build]

images, targets = zip(*[make_scene(s) for s in range(2)], strict=True)
images = [im.to(device) for im in images]
targets = [{k: v.to(device) for k, v in t.items()} for t in targets]
print("第 1 张图的目标：", targets[0]["boxes"].tolist(), targets[0]["labels"].tolist())

# --8<-- [start:train_mode]
# 训练模式：输入图像列表和目标列表，返回四项损失组成的字典
model.train()
params = [p for p in model.parameters() if p.requires_grad]
optimizer = torch.optim.SGD(params, lr=0.01, momentum=0.9)
for step in range(8):  # 反复拟合同一个批次：检查整条管线能不能让损失下降
    loss_dict = model(images, targets)
    loss = sum(loss_dict.values())
    if step == 0:
        first = loss.item()
        print("第 0 步：" + "，".join(f"{k} {v.item():.3f}" for k, v in loss_dict.items()))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(
    f"第 7 步：总损失低于第 0 步：{loss.item() < first}，loss_classifier {loss_dict['loss_classifier'].item():.2f}"
)
# --8<-- [end:train_mode]

# --8<-- [start:eval_mode]
# 评估模式：只输入图像，每张图返回一个字典
model.eval()
with torch.inference_mode():
    outputs = model(images)
out = outputs[0]
print("输出的键：", list(out.keys()))
print("boxes：", out["boxes"].dtype, "每行", out["boxes"].shape[1], "个数 (x1, y1, x2, y2)")
print(
    "labels：",
    out["labels"].dtype,
    "取值在 1～2 之间：",
    bool(((out["labels"] >= 1) & (out["labels"] <= 2)).all()),
)
print("scores 已按从高到低排序：", bool((out["scores"].diff() <= 0).all()))
# --8<-- [end:eval_mode]
