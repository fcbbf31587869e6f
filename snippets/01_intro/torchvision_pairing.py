"""检查 torchvision 与 torch 是否配套：真正调用一次 torchvision 里用 C++ 编译的算子。"""

import torch
import torchvision
from torchvision.ops import nms

print("torch 发行版本：", torch.__version__.split("+")[0])
print("torchvision 发行版本：", torchvision.__version__.split("+")[0])

# 非极大值抑制（NMS）是 torchvision 的编译算子；两者版本不配套时，
# 这里会报 “operator torchvision::nms does not exist” 之类的错误
boxes = torch.tensor(
    [
        [0.0, 0.0, 10.0, 10.0],  # 框 0
        [1.0, 1.0, 11.0, 11.0],  # 框 1：与框 0 高度重叠
        [20.0, 20.0, 30.0, 30.0],  # 框 2：与前两个不相交
    ]
)
scores = torch.tensor([0.9, 0.8, 0.7])
keep = nms(boxes, scores, iou_threshold=0.5)
print("NMS 保留的框编号：", keep.tolist())
print("编译算子工作正常，torch 与 torchvision 配套")
