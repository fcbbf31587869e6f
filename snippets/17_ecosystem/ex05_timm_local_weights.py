import os

import torch

os.environ["HF_HUB_OFFLINE"] = "1"  # timm 的预训练权重放在 Hugging Face Hub 上；这里只用本地文件

import timm

torch.manual_seed(0)

# 假装这是在另一台能联网的机器上下载好的权重，拷到了这里
source = timm.create_model("resnet18.a1_in1k", pretrained=False)
torch.save(source.state_dict(), "resnet18_a1_in1k.pth")

# pretrained_cfg_overlay 把权重来源改成本地文件；num_classes=5 时分类头重新初始化
model = timm.create_model(
    "resnet18.a1_in1k",
    pretrained=True,
    pretrained_cfg_overlay={"file": "resnet18_a1_in1k.pth"},
    num_classes=5,
)
same_backbone = torch.equal(model.conv1.weight, source.conv1.weight)
print(f"主干网络权重来自本地文件：{same_backbone}")
print(f"新的分类头：{model.get_classifier()}")

# 冻结主干网络，只训练分类头
for name, param in model.named_parameters():
    param.requires_grad = name.startswith("fc.")
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
print(f"可训练参数：{trainable}，全部参数：{sum(p.numel() for p in model.parameters())}")
