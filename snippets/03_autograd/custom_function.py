import torch
from torch.autograd import gradcheck

torch.manual_seed(0)
torch.set_printoptions(precision=4, sci_mode=False)


class StableSoftplus(torch.autograd.Function):
    """softplus(x) = log(1 + exp(x))，用数值稳定的写法实现前向与反向。"""

    @staticmethod
    def forward(ctx, x):
        # 稳定写法：max(x, 0) + log1p(exp(-|x|))，exp 的参数永远不为正，不会溢出
        ctx.save_for_backward(x)  # 反向需要 x，用 save_for_backward 保存
        return torch.clamp(x, min=0) + torch.log1p(torch.exp(-x.abs()))

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        # d softplus / dx = sigmoid(x)；链式法则：乘上传进来的上游梯度
        return grad_output * torch.sigmoid(x)


def naive_softplus(x):
    return torch.log(1 + torch.exp(x))


x = torch.tensor([-20.0, -1.0, 0.0, 1.0, 100.0], requires_grad=True)

y_naive = naive_softplus(x)
y_naive.sum().backward()
print("朴素写法  前向：", y_naive.detach())
print("朴素写法  梯度：", x.grad)

x.grad = None
y_stable = StableSoftplus.apply(x)  # 自定义 Function 通过 .apply 调用
y_stable.sum().backward()
print("稳定写法  前向：", y_stable.detach())
print("稳定写法  梯度：", x.grad)
print("grad_fn 的名字：", type(y_stable.grad_fn).__name__)

# 与 PyTorch 内置的 softplus 对比
print("与 F.softplus 一致：", torch.allclose(y_stable, torch.nn.functional.softplus(x)))

# 手写 backward 之后一定要用 gradcheck（float64）验证
x64 = (torch.randn(6, dtype=torch.float64) * 5).requires_grad_()
print("gradcheck:", gradcheck(StableSoftplus.apply, (x64,)))
