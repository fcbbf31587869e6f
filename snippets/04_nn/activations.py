import matplotlib.pyplot as plt
import torch
from torch import nn

torch.set_printoptions(precision=4, sci_mode=False)

activations = {
    "ReLU": nn.ReLU(),
    "GELU": nn.GELU(),
    "SiLU": nn.SiLU(),
    "Sigmoid": nn.Sigmoid(),
    "Tanh": nn.Tanh(),
}

# 几个代表性输入点上的取值（选的点让第 5 位小数远离舍入边界，换一台机器打印也相同）
points = torch.tensor([-2.0, -1.0, 0.0, 1.0, 2.0])
print("输入：   ", points)
for name, act in activations.items():
    print(f"{name:<8}", act(points))

# Softmax 要指定 dim：沿哪一维归一化成概率
logits = torch.tensor([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
p_row = nn.Softmax(dim=1)(logits)  # 每一行（每个样本）和为 1
p_col = nn.Softmax(dim=0)(logits)  # 每一列和为 1，通常不是你想要的
# 和可能是 0.99999994 这样的数，先舍入到 4 位小数再打印
print("Softmax(dim=1)：\n", p_row, "\n每行之和：", p_row.sum(dim=1).round(decimals=4))
print("Softmax(dim=0)：\n", p_col, "\n每列之和：", p_col.sum(dim=0).round(decimals=4))

# 画出激活函数曲线与导数
x = torch.linspace(-4, 4, 401, requires_grad=True)
fig, axes = plt.subplots(1, 2, figsize=(10, 4))
for name, act in activations.items():
    y = act(x)
    (grad,) = torch.autograd.grad(y.sum(), x)  # 逐元素函数：对 sum 求导即得各点导数
    axes[0].plot(x.detach(), y.detach(), label=name)
    axes[1].plot(x.detach(), grad, label=name)
axes[0].set_title("activation f(x)")
axes[1].set_title("derivative f'(x)")
for ax in axes:
    ax.axhline(0, color="gray", linewidth=0.5)
    ax.axvline(0, color="gray", linewidth=0.5)
    ax.set_xlabel("x")
    ax.legend()
    ax.grid(alpha=0.3)
fig.tight_layout()
fig.savefig("activations.png", dpi=100)
print("已保存 activations.png")
