import torch
from torch import nn

torch.manual_seed(0)
torch.set_printoptions(precision=4, sci_mode=False)

bn = nn.BatchNorm1d(num_features=3)  # 每个特征（通道）各有一组统计量
print("可学习参数：", [name for name, _ in bn.named_parameters()])
print("缓冲区：", [name for name, _ in bn.named_buffers()])
print("初始 running_mean：", bn.running_mean, " running_var:", bn.running_var)

# 造一批均值约为 5、标准差约为 2 的数据
x = torch.randn(64, 3) * 2 + 5

# 训练模式：用当前批次的均值和方差做归一化，同时更新滑动平均
bn.train()
with torch.no_grad():  # 这里只看数值，不需要计算图
    y = bn(x)
# round 之后加 0.0：把 -0.0 显示成 0.0
print("\n[train] 输出每个特征的均值：", y.mean(dim=0).round(decimals=4) + 0.0)
print("[train] 输出每个特征的标准差：", y.std(dim=0, unbiased=False).round(decimals=4))
print("[train] 更新后 running_mean：", bn.running_mean)  # 0.9*0 + 0.1*批次均值
print("[train] num_batches_tracked:", bn.num_batches_tracked.item())

# 多喂几个批次，滑动平均逐渐接近真实分布
with torch.no_grad():
    for _ in range(50):
        bn(torch.randn(64, 3) * 2 + 5)
print("[train] 51 个批次后 running_mean：", bn.running_mean)
print("[train] 51 个批次后 running_var：", bn.running_var)

# 评估模式：不再看当前批次，改用保存下来的 running 统计量，结果与批次组成无关
bn.eval()
single = torch.tensor([[5.0, 5.0, 5.0]])
with torch.no_grad():
    print("\n[eval] 单个样本也能归一化：", bn(single))
    a = bn(x)[:1]
    b = bn(x[:1])
print("[eval] 样本单独算 vs 放在批次里算，结果相同：", torch.allclose(a, b))

# 训练模式下，批次大小为 1 时方差无从估计，会直接报错
bn.train()
try:
    bn(single)
except ValueError as e:
    print("\n[train] 批次大小为 1：", str(e).split(",")[0])

# 缓冲区会出现在 state_dict 里，随模型一起保存和加载
print("\nstate_dict 键：", list(bn.state_dict().keys()))
