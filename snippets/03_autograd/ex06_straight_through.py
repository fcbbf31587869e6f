import torch
from torch.autograd import gradcheck


class RoundSTE(torch.autograd.Function):
    """前向取整，反向直通（straight-through estimator，STE）：把梯度原样传回去。"""

    @staticmethod
    def forward(ctx, x):
        return torch.round(x)

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output  # 假装取整是恒等函数


x = torch.tensor([0.2, 0.7, 1.4, 2.6], requires_grad=True)

torch.round(x).sum().backward()
print("torch.round 的梯度：", x.grad, "（几乎处处为 0，参数学不动）")

x.grad = None
y = RoundSTE.apply(x)
y.sum().backward()
print("前向结果：", y.detach())
print("STE 的梯度：", x.grad, "（梯度直通）")

# STE 故意给出并非真实导数的梯度，所以 gradcheck 不会通过，这是预期之内的
x64 = torch.tensor([0.2, 0.7, 1.4], dtype=torch.float64, requires_grad=True)
print("gradcheck:", gradcheck(RoundSTE.apply, (x64,), raise_exception=False))
