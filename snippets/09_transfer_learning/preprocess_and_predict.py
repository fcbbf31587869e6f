import torch
from torchvision.models import ResNet18_Weights, resnet18
from torchvision.transforms import v2

torch.manual_seed(0)
weights = ResNet18_Weights.DEFAULT
model = resnet18(weights=weights).eval()

# 预处理必须和训练这组权重时一模一样：缩放、中心裁剪、归一化的参数都在 weights 里
preprocess = weights.transforms()
print(preprocess)

# 一张假想的照片：480x640 的 uint8 图像张量（真实场景用 torchvision.io.decode_image 读文件）
image = torch.randint(0, 256, (3, 480, 640), dtype=torch.uint8)
batch = preprocess(image).unsqueeze(0)  # 增加批次维度
print("预处理后：", tuple(batch.shape), batch.dtype)

with torch.inference_mode():
    probs = model(batch).softmax(dim=1)
top5 = probs.topk(5, dim=1)
names = [weights.meta["categories"][i] for i in top5.indices[0].tolist()]
print("输出形状：", tuple(probs.shape), "概率和：", f"{probs.sum().item():.3f}")
print("top-5 类别名个数：", len(names))

# 同样的参数也能用 transforms.v2 手写出来，自己组装数据增强时会用到
manual = v2.Compose(
    [
        v2.Resize(256, antialias=True),
        v2.CenterCrop(224),
        v2.ToDtype(torch.float32, scale=True),
        v2.Normalize(mean=[0.485, 0.456, 0.406], std=[0.229, 0.224, 0.225]),
    ]
)
# 在有的 CPU 上两条流水线会用不同的缩放内核，个别像素可能差 1 个灰度级，换算回 0～255 比较
std = torch.tensor([0.229, 0.224, 0.225]).view(3, 1, 1)
gray_levels = ((manual(image) - batch[0]) * std * 255).abs().max().item()
print("与手写流水线相差不超过 1 个灰度级：", gray_levels <= 1.01)
