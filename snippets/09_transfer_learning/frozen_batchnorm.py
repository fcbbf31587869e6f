import torch
from torch import nn
from torchvision.models import ResNet18_Weights, resnet18

torch.manual_seed(0)
model = resnet18(weights=ResNet18_Weights.DEFAULT)
model.requires_grad_(False)  # 冻结全部参数
model.fc = nn.Linear(512, 5)  # 只训练新的分类头

bn = model.bn1  # 第一个 BatchNorm 层
saved_mean = bn.running_mean.clone()
x = torch.rand(8, 3, 64, 64) * 2  # 与预训练数据统计量不同的一批输入

# 错误做法：model.train() 会把 BatchNorm 也切到训练模式
model.train()
model(x)
print("参数冻结，但 train() 之后：")
print(f"  bn1.training={bn.training}，bn1.weight.requires_grad={bn.weight.requires_grad}")
print("  running_mean 变了吗：", not torch.equal(saved_mean, bn.running_mean))
print("  前向次数 num_batches_tracked =", bn.num_batches_tracked.item())


# 正确做法：每次 train() 之后把 BatchNorm 再切回 eval
def train_keep_bn_frozen(model):
    model.train()
    for module in model.modules():
        if isinstance(module, nn.modules.batchnorm._BatchNorm):
            module.eval()


model = resnet18(weights=ResNet18_Weights.DEFAULT)
model.requires_grad_(False)
model.fc = nn.Linear(512, 5)
bn = model.bn1
saved_mean = bn.running_mean.clone()
train_keep_bn_frozen(model)
model(x)
print("BatchNorm 保持 eval 之后：")
print(f"  bn1.training={bn.training}，fc.training={model.fc.training}")
print("  running_mean 变了吗：", not torch.equal(saved_mean, bn.running_mean))

# 训练模式下 BatchNorm 还会改用当前批次的统计量，所以同一输入的特征也不同
features = nn.Sequential(*list(model.children())[:-1])  # 去掉 fc 的主干
features.eval()
with torch.inference_mode():
    eval_out = features(x)
features.train()
with torch.inference_mode():
    train_out = features(x)
print("同一批输入，主干输出在两种模式下相同吗：", torch.allclose(eval_out, train_out))
