import matplotlib

matplotlib.use("Agg")  # 不弹窗口，直接存成图片
import matplotlib.pyplot as plt
import torch

# 从 -5 到 5、步长 0.05 的网格（用整数除法构造，保证 0 恰好在网格上）
x = (torch.arange(-100, 101) / 20).requires_grad_()

fig, axes = plt.subplots(1, 2, figsize=(8, 3.2))
panels = [
    (axes[0], "tanh", torch.tanh, "lower right"),
    (axes[1], "sigmoid", torch.sigmoid, "upper left"),
]
for ax, name, fn, legend_loc in panels:
    y = fn(x)
    # 逐元素函数的雅可比是对角阵，所以对 y.sum() 求梯度就得到每个点的导数
    (dy,) = torch.autograd.grad(y.sum(), x)
    ax.plot(x.detach(), y.detach(), label=f"{name}(x)")
    ax.plot(x.detach(), dy, "--", label=f"d {name} / dx (autograd)")
    ax.axhline(0, color="gray", linewidth=0.5)
    ax.legend(loc=legend_loc, fontsize=8)
    ax.set_xlabel("x")

    # 与解析导数对比：tanh' = 1 - tanh^2，sigmoid' = s * (1 - s)
    yd = y.detach()
    exact = 1 - yd**2 if name == "tanh" else yd * (1 - yd)
    print(f"{name}：autograd 导数与解析导数一致：", torch.allclose(dy, exact, atol=1e-6))
    x_peak = x[dy.argmax()].item()
    print(f"{name}：导数最大值 {dy.max().item():.4f}，出现在 x = {x_peak:.1f}")

fig.tight_layout()
fig.savefig("activation_derivatives.png", dpi=100)
print("已保存 activation_derivatives.png")
