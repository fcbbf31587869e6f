import torch
from torch import nn

torch.manual_seed(0)


class Normalize(nn.Module):
    """一个有缺陷的自定义层：除以标准差时没有加 eps，遇到常数向量就会除以 0。"""

    def forward(self, x):
        return (x - x.mean(dim=1, keepdim=True)) / x.std(dim=1, keepdim=True)


model = nn.Sequential(
    nn.Linear(4, 8),
    nn.ReLU(),
    nn.Linear(8, 8),
    nn.ReLU(),
    Normalize(),
    nn.Linear(8, 2),
)
# 让第二个 ReLU 对某个输入全部输出 0：把第二个线性层的偏置设成很大的负数
with torch.no_grad():
    model[2].bias.fill_(-100.0)

first_bad = []


def make_hook(name):
    def hook(module, inputs, output):
        # 前向钩子：每个模块算完都会调用；只记下第一个输出不全是有限值的模块
        if not first_bad and not torch.isfinite(output).all():
            first_bad.append(f"{name}（{type(module).__name__}）")

    return hook


handles = [m.register_forward_hook(make_hook(name)) for name, m in model.named_children()]
out = model(torch.randn(3, 4))
for h in handles:
    h.remove()  # 用完就移除钩子，否则它会一直拖慢之后的每次前向

print("输出里有 NaN：", torch.isnan(out).any().item())
print("第一个产生 NaN 或 inf 的模块：", first_bad[0])
