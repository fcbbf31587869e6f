import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 5)

# 无状态的运算：模块版和函数版结果完全一样，选哪个看代码风格
print("nn.ReLU()(x) == F.relu(x):", torch.equal(nn.ReLU()(x), F.relu(x)))
print(
    "nn.Softmax(dim=1) == F.softmax(dim=1):", torch.equal(nn.Softmax(dim=1)(x), F.softmax(x, dim=1))
)

# 有参数的层：函数版要你自己创建、保存、登记权重，模块版替你做好
w = torch.randn(3, 5)
print("F.linear 需要自己传入权重，输出形状：", tuple(F.linear(x, w).shape))


# 陷阱：F.dropout 的 training 默认为 True，不会跟着 model.eval() 改变
class BadNet(nn.Module):
    def forward(self, x):
        return F.dropout(x, p=0.5)  # 忘了写 training=self.training


class GoodNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.drop = nn.Dropout(0.5)  # 模块版：自动跟随 train()/eval()

    def forward(self, x):
        return self.drop(x)


ones = torch.ones(1, 6)
bad, good = BadNet().eval(), GoodNet().eval()
print("eval 模式下 BadNet 仍在随机置零：", bad(ones))
print("eval 模式下 GoodNet 原样输出：  ", good(ones))
print("函数版正确写法：", F.dropout(ones, p=0.5, training=bad.training))

# 模块版的另一个好处：出现在 print(model) 里，也能被钩子和 named_modules 找到
print(nn.Sequential(nn.Linear(5, 3), nn.ReLU()))
