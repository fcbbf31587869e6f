import torch


def iou_dice(pred, target, empty=1.0):
    inter = (pred & target).sum().item()
    union = (pred | target).sum().item()
    total = pred.sum().item() + target.sum().item()
    if union == 0:  # 两个掩码都是空的：预测“什么都没有”完全正确
        return empty, empty
    return inter / union, 2 * inter / total


target = torch.zeros(20, 20, dtype=torch.bool)
target[5:15, 5:15] = True  # 100 个像素的方块
for shift in (0, 2, 5, 8):
    pred = torch.zeros_like(target)
    pred[5:15, 5 + shift : 15 + shift] = True
    iou, dice = iou_dice(pred, target)
    print(
        f"右移 {shift} 像素：IoU {iou:.3f}，Dice {dice:.3f}，2IoU/(1+IoU) = {2 * iou / (1 + iou):.3f}"
    )

empty = torch.zeros_like(target)
print("两个都为空：", iou_dice(empty, empty))
tiny = torch.zeros_like(target)
tiny[0, 0] = True
print("真值为空、预测多了 1 个像素：", iou_dice(tiny, empty))
