import torch
import torchvision

# 去掉 "+cu130"、"+cpu" 这类构建标签，只比较版本号
torch_version = torch.__version__.split("+")[0]
vision_version = torchvision.__version__.split("+")[0]
print("torch：", torch_version)
print("torchvision：", vision_version)

# 按 torch 2.x 以来的配套规律：torchvision 的次版本号 = torch 的次版本号 + 15
expected_vision = {"2.12": "0.27", "2.13": "0.28", "2.14": "0.29"}
torch_minor = ".".join(torch_version.split(".")[:2])
vision_minor = ".".join(vision_version.split(".")[:2])
print("版本配套：", expected_vision.get(torch_minor) == vision_minor)

# 配套时，torchvision 的 C++ 算子都注册进了 torch.ops，nms 可以直接调用
boxes = torch.tensor([[0.0, 0.0, 10.0, 10.0], [1.0, 1.0, 11.0, 11.0], [20.0, 20.0, 30.0, 30.0]])
scores = torch.tensor([0.9, 0.8, 0.7])
keep = torch.ops.torchvision.nms(boxes, scores, 0.5)
print("nms 保留的框：", keep.tolist())
