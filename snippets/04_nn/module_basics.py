import torch
from torch import nn

torch.manual_seed(0)


class TinyNet(nn.Module):
    """两层全连接网络：4 维输入 -> 8 维隐藏层 -> 3 个类别的 logits。"""

    def __init__(self, in_features: int = 4, hidden: int = 8, num_classes: int = 3):
        super().__init__()  # 必须先调用，nn.Module 要在这里准备好登记参数的字典
        self.fc1 = nn.Linear(in_features, hidden)
        self.act = nn.ReLU()
        self.fc2 = nn.Linear(hidden, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # forward 只描述计算；调用时写 model(x)，不要直接写 model.forward(x)
        return self.fc2(self.act(self.fc1(x)))


model = TinyNet()
print(model)

# 子模块里的参数被自动登记，优化器靠 parameters() 找到它们
for name, p in model.named_parameters():
    print(f"参数 {name:<10} 形状 {tuple(p.shape)}  requires_grad={p.requires_grad}")

# 在整个模型上挂一个前向钩子：每当模型经由 __call__ 完成一次前向传播就记一笔
calls = []


def log_hook(module, inputs, output):
    calls.append(type(module).__name__)
    print("  钩子触发：", type(module).__name__, "输出形状", tuple(output.shape))


handle = model.register_forward_hook(log_hook)

x = torch.randn(2, 4)
print("写法一 model(x)：")
y1 = model(x)  # 经过 __call__：前置钩子 -> forward -> 前向钩子
print("写法二 model.forward(x)：")
y2 = model.forward(x)  # 绕过了 __call__，模型上的钩子不会触发
print("钩子一共触发次数：", len(calls))
print("两种写法数值相同：", torch.equal(y1, y2))

handle.remove()  # 不再需要时移除钩子
print("logits:\n", y1.detach())
