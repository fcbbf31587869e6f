import torch
import torchvision
from torchvision import models

torch.manual_seed(0)

# 1. 注册表：按任务（子模块）列出模型名，全程不下载任何东西
print(f"torchvision {torchvision.__version__.split('+')[0]}")
tasks = {
    "分类": models,
    "检测": models.detection,
    "分割": models.segmentation,
    "视频": models.video,
    "光流": models.optical_flow,
}
for task, module in tasks.items():
    print(f"{task}：{len(models.list_models(module=module))} 个")
print(f"resnet 系列：{models.list_models(module=models, include='resnet*')}")
print(f"vit 但不要 h_14：{models.list_models(include='vit_*', exclude='*h_14')}")

# 2. 权重枚举：元数据随库安装，不用下载就能查
weights = models.get_model_weights("resnet18").DEFAULT
print(f"默认权重：{weights}")
print(f"文件名：{weights.url.rsplit('/', 1)[-1]}")
print(f"参数量：{weights.meta['num_params']}")
print(f"类别数：{len(weights.meta['categories'])}，前三个 {weights.meta['categories'][:3]}")
print(f"ImageNet top-1：{weights.meta['_metrics']['ImageNet-1K']['acc@1']}")
preprocess = weights.transforms()
print(f"预处理：缩放到 {preprocess.resize_size}，中心裁剪 {preprocess.crop_size}")

# 3. 按名字建模型：weights=None 得到随机初始化的结构，可以直接改类别数
model = models.get_model("resnet18", weights=None, num_classes=10).eval()
with torch.inference_mode():
    logits = model(torch.randn(2, 3, 224, 224))
print(f"输出形状：{tuple(logits.shape)}")
print(f"参数量（10 类）：{sum(p.numel() for p in model.parameters())}")
