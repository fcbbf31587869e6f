import math

import torch
from torch import nn

torch.manual_seed(0)

model = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1),
    nn.ReLU(),
    nn.Flatten(),
    nn.Linear(16 * 8 * 8, 64),
    nn.Tanh(),
    nn.Linear(64, 10),
)


def describe(title: str) -> None:
    print(title)
    for name, p in model.named_parameters():
        print(f"  {name:<9} 均值 {p.mean().item():+.4f}  标准差 {p.std().item():.4f}")


describe("默认初始化：")


def init_weights(m: nn.Module) -> None:
    """按层的类型选初始化方法；apply 会对每个子模块（包括模型自己）调用一次。"""
    if isinstance(m, nn.Conv2d):
        # 后面接 ReLU：He（Kaiming）初始化，保持前向传播时方差不衰减
        nn.init.kaiming_normal_(m.weight, mode="fan_in", nonlinearity="relu")
        nn.init.zeros_(m.bias)
    elif isinstance(m, nn.Linear):
        # 全连接层先一律用 Xavier（Glorot）初始化，gain 取默认的 1（适合不接激活函数的输出层）
        nn.init.xavier_uniform_(m.weight)
        nn.init.zeros_(m.bias)


model.apply(init_weights)
# apply 每次只看到一个模块，不知道它后面接的是什么；
# 后面接 Tanh 的那一层要单独补上 Tanh 的 gain（5/3）
tanh_gain = nn.init.calculate_gain("tanh")
nn.init.xavier_uniform_(model[3].weight, gain=tanh_gain)
describe("自定义初始化之后：")

# 对照理论值：Kaiming normal 的标准差 = gain / sqrt(fan_in)，ReLU 的 gain = sqrt(2)
fan_in = 3 * 3 * 3
print("Conv 理论标准差 sqrt(2/fan_in) =", round(math.sqrt(2 / fan_in), 4))
# Xavier uniform 的范围是 ±gain*sqrt(6/(fan_in+fan_out))，均匀分布的标准差 = 范围/sqrt(3)
for name, gain, fan_in, fan_out in [("3", tanh_gain, 1024, 64), ("5", 1.0, 64, 10)]:
    bound = gain * math.sqrt(6 / (fan_in + fan_out))
    print(f"{name}.weight 理论标准差（gain={gain:.4f}）=", round(bound / math.sqrt(3), 4))
print("nn.init.calculate_gain('relu') =", round(nn.init.calculate_gain("relu"), 4))

# 初始化函数都以下划线结尾：原地修改，并且不会被 autograd 记录
print("初始化后仍是叶子张量：", model[0].weight.is_leaf, " grad_fn:", model[0].weight.grad_fn)
