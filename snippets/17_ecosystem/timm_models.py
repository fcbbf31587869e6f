import os

import torch

os.environ["HF_HUB_OFFLINE"] = "1"  # timm 的预训练权重放在 Hugging Face Hub 上；这里只用本地文件

import timm

torch.manual_seed(0)

# 1. 模型名单：架构名与带预训练标签的名字
print(f"timm {timm.__version__}")
print(f"架构数：{len(timm.list_models())}")
print(f"名字里有 convnext 的架构：{len(timm.list_models('convnext*'))} 个")
print(f"resnet50 的预训练版本：{timm.list_models('resnet50.*', pretrained=True)[:4]}")

# 2. create_model：pretrained=False 只建结构，num_classes 直接换分类头
model = timm.create_model("resnet18", pretrained=False, num_classes=10).eval()
x = torch.randn(2, 3, 160, 160)
with torch.inference_mode():
    print(f"分类输出：{tuple(model(x).shape)}")
    feats = model.forward_features(x)  # 分类头之前的特征图
    print(f"forward_features：{tuple(feats.shape)}")
    print(f"forward_head(pre_logits)：{tuple(model.forward_head(feats, pre_logits=True).shape)}")

# 3. 换头、去头：迁移学习最常用的两个操作
model.reset_classifier(num_classes=0)  # 0 表示去掉分类头，直接输出池化后的特征
with torch.inference_mode():
    print(f"去掉分类头后：{tuple(model(x).shape)}")

# 4. features_only：多尺度特征图，检测与分割的主干网络（backbone）常这样用
backbone = timm.create_model(
    "resnet18", pretrained=False, features_only=True, out_indices=(1, 2, 3)
)
with torch.inference_mode():
    maps = backbone(x)
print(f"各层步幅：{backbone.feature_info.reduction()}，通道：{backbone.feature_info.channels()}")
print(f"特征图形状：{[tuple(m.shape) for m in maps]}")

# 5. 预训练配置：这个权重训练时用的预处理，照着做推理才对得上
cfg = timm.data.resolve_data_config({}, model=timm.create_model("resnet18.a1_in1k"))
print(f"输入尺寸：{cfg['input_size']}，插值：{cfg['interpolation']}，裁剪比例：{cfg['crop_pct']}")
