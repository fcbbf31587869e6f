import torch
from torchvision.ops import box_area, box_convert, box_iou, nms

# 同一个框的三种写法：左上角 (10, 20)，宽 40，高 30
xyxy = torch.tensor([[10.0, 20.0, 50.0, 50.0]])  # (x1, y1, x2, y2)：左上角与右下角
print("xyxy   ->", xyxy.tolist())
print("xywh   ->", box_convert(xyxy, in_fmt="xyxy", out_fmt="xywh").tolist())  # 左上角 + 宽高
print("cxcywh ->", box_convert(xyxy, in_fmt="xyxy", out_fmt="cxcywh").tolist())  # 中心 + 宽高
print("面积：", box_area(xyxy).item())

# IoU：交集面积 / 并集面积。box_iou 返回 N×M 的矩阵，两两计算
a = torch.tensor([[0.0, 0.0, 10.0, 10.0], [20.0, 20.0, 30.0, 30.0]])
b = torch.tensor([[5.0, 0.0, 15.0, 10.0], [0.0, 0.0, 10.0, 10.0], [40.0, 40.0, 50.0, 50.0]])
print("IoU 矩阵（2×3）：")
print(box_iou(a, b))

# NMS：同一目标的几个重叠框只留分数最高的那个
boxes = torch.tensor(
    [
        [10.0, 10.0, 50.0, 50.0],  # 0：目标 A，分数最高
        [12.0, 12.0, 52.0, 52.0],  # 1：与 0 几乎重合
        [18.0, 6.0, 54.0, 46.0],  # 2：与 0 重叠一部分
        [60.0, 60.0, 90.0, 90.0],  # 3：目标 B
        [30.0, 30.0, 70.0, 70.0],  # 4：横跨两者，和谁都只重叠一点
    ]
)
scores = torch.tensor([0.95, 0.90, 0.80, 0.85, 0.60])
print("与框 0 的 IoU：", [round(v, 3) for v in box_iou(boxes[:1], boxes)[0].tolist()])
keep = nms(boxes, scores, iou_threshold=0.5)
print("NMS 保留（按分数从高到低）：", keep.tolist())
print("阈值放宽到 0.7 时保留：", nms(boxes, scores, iou_threshold=0.7).tolist())
