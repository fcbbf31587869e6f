import torch
from torch import nn
from torchvision import models

weights = models.get_model_weights("mobilenet_v3_small").DEFAULT
model = models.get_model("mobilenet_v3_small", weights=weights)
print("权重：", weights)
print("原分类器：", model.classifier)

# MobileNetV3 的分类头是一个 Sequential，最后一层才是输出 1000 类的 Linear
model.features.requires_grad_(False)
last = model.classifier[-1]
model.classifier[-1] = nn.Linear(last.in_features, 3)

preprocess = weights.transforms()
print("预处理：resize", preprocess.resize_size, "crop", preprocess.crop_size)
images = torch.randint(0, 256, (2, 3, 300, 400), dtype=torch.uint8)
model.eval()
with torch.inference_mode():
    logits = model(preprocess(images))
print("输出形状：", tuple(logits.shape))
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"可训练参数：{trainable:,}")
