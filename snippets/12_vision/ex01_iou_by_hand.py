import torch
from torchvision.ops import box_convert, box_iou


def iou_xywh(a, b):
    """a: (N, 4)，b: (M, 4)，格式都是 (x, y, w, h)；返回 N×M 的 IoU。"""
    ax1, ay1 = a[:, None, 0], a[:, None, 1]
    ax2, ay2 = ax1 + a[:, None, 2], ay1 + a[:, None, 3]
    bx1, by1 = b[None, :, 0], b[None, :, 1]
    bx2, by2 = bx1 + b[None, :, 2], by1 + b[None, :, 3]
    # 交集的宽高：不相交时会是负数，用 clamp 截成 0
    iw = (torch.minimum(ax2, bx2) - torch.maximum(ax1, bx1)).clamp(min=0)
    ih = (torch.minimum(ay2, by2) - torch.maximum(ay1, by1)).clamp(min=0)
    inter = iw * ih
    union = a[:, None, 2] * a[:, None, 3] + b[None, :, 2] * b[None, :, 3] - inter
    return inter / union


a = torch.tensor([[0.0, 0.0, 10.0, 10.0], [5.0, 5.0, 10.0, 20.0]])
b = torch.tensor([[5.0, 0.0, 10.0, 10.0], [20.0, 20.0, 5.0, 5.0], [0.0, 0.0, 20.0, 30.0]])
mine = iou_xywh(a, b)
ref = box_iou(box_convert(a, "xywh", "xyxy"), box_convert(b, "xywh", "xyxy"))
print(mine)
print("与 box_iou 一致：", torch.allclose(mine, ref))
