import torch
from torchvision.ops import box_iou, nms


def greedy_nms(boxes, scores, iou_threshold):
    order = scores.argsort(descending=True)
    keep = []
    while len(order) > 0:
        best = order[0]
        keep.append(int(best))  # 当前分数最高的框一定保留
        ious = box_iou(boxes[best][None], boxes[order[1:]])[0]
        order = order[1:][ious <= iou_threshold]  # 去掉与它重叠太多的，剩下的继续
    return torch.tensor(keep)


torch.manual_seed(0)
xy = torch.rand(200, 2) * 100
boxes = torch.cat([xy, xy + torch.rand(200, 2) * 30 + 5], dim=1)
scores = torch.rand(200)
for thr in (0.3, 0.5, 0.7):
    mine, ref = greedy_nms(boxes, scores, thr), nms(boxes, scores, thr)
    print(f"阈值 {thr}：保留 {len(mine)} 个框，与 torchvision 一致：{torch.equal(mine, ref)}")
