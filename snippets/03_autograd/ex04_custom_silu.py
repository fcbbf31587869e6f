import torch
from torch.autograd import gradcheck


class SiLU(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        s = torch.sigmoid(x)
        ctx.save_for_backward(x, s)  # 反向要用 x 和 sigmoid(x)，都存下来避免重复计算
        return x * s

    @staticmethod
    def backward(ctx, grad_output):
        x, s = ctx.saved_tensors
        # d(x * s)/dx = s + x * s * (1 - s)
        return grad_output * (s + x * s * (1 - s))


torch.manual_seed(0)
x = torch.randn(5, dtype=torch.float64, requires_grad=True)
print("gradcheck 通过：", gradcheck(SiLU.apply, (x,)))

# 与内置的 F.silu 对比前向与梯度
y1 = SiLU.apply(x)
(g1,) = torch.autograd.grad(y1.sum(), x)
y2 = torch.nn.functional.silu(x)
(g2,) = torch.autograd.grad(y2.sum(), x)
print("前向一致：", torch.allclose(y1, y2), " 梯度一致：", torch.allclose(g1, g2))
