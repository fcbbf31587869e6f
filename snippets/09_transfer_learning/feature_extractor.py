import torch
from torchvision.models import ResNet18_Weights, resnet18
from torchvision.models.feature_extraction import (
    create_feature_extractor,
    get_graph_node_names,
)

model = resnet18(weights=ResNet18_Weights.DEFAULT).eval()

# 节点名在训练模式和评估模式下可能不同，所以返回两份
train_nodes, eval_nodes = get_graph_node_names(model)
print("节点总数：", len(eval_nodes))
print("前 6 个：", eval_nodes[:6])
print("最后 4 个：", eval_nodes[-4:])

# 取中间层与池化后的输出，右边是给它们起的新名字
return_nodes = {"layer2": "mid", "layer4": "deep", "flatten": "embedding"}
extractor = create_feature_extractor(model, return_nodes=return_nodes)

x = torch.randn(2, 3, 224, 224)
with torch.inference_mode():
    features = extractor(x)
    logits = model(x)
for name, value in features.items():
    print(f"{name:<10}{tuple(value.shape)}")

# 抽取器与原模型共享同一份权重：embedding 过一遍原来的 fc，就是原模型的输出
with torch.inference_mode():
    again = model.fc(features["embedding"])
print("与原模型输出一致：", torch.allclose(again, logits, atol=1e-5))
print("共享同一份参数：", extractor.conv1.weight is model.conv1.weight)
