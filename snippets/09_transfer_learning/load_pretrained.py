import torch
from torchvision import models
from torchvision.models import ResNet18_Weights, resnet18

# 权重枚举：DEFAULT 指向当前最好的一组权重，这里就是 IMAGENET1K_V1
weights = ResNet18_Weights.DEFAULT
print("权重：", weights)
print("文件：", weights.url.rsplit("/", 1)[-1])

# 第一次运行时下载到 $TORCH_HOME/hub/checkpoints/，以后直接读缓存
model = resnet18(weights=weights)
model.eval()  # 推理前切到评估模式

# 元数据：类别名、参数量、官方报告的准确率，都与权重绑在一起
categories = weights.meta["categories"]
print("类别数：", len(categories), "前三个：", categories[:3])
print("参数量：", weights.meta["num_params"], sum(p.numel() for p in model.parameters()))
metrics = weights.meta["_metrics"]["ImageNet-1K"]
print(f"官方报告：top-1 {metrics['acc@1']}%，top-5 {metrics['acc@5']}%")

# 按名字取模型和权重：适合从配置文件读字符串的场景
same = models.get_model("resnet18", weights="DEFAULT")
print("get_model 得到：", type(same).__name__)
print("同一份权重：", torch.equal(same.fc.weight, model.fc.weight))
print("resnet 系列：", [n for n in models.list_models() if n.startswith("resnet")])
print("可选权重：", list(models.get_model_weights("resnet50")))
