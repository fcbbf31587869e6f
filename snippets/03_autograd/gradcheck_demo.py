import torch
from torch.autograd.gradcheck import GradcheckError, gradcheck


def f(x, w):
    # 一个普通的复合函数：矩阵乘法 + tanh + 平方
    return torch.tanh(x @ w) ** 2


torch.manual_seed(0)
x = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
w = torch.randn(4, 2, dtype=torch.float64, requires_grad=True)

# 1. float64 输入：有限差分足够精确，检查通过
print("float64 的 gradcheck：", gradcheck(f, (x, w)))

# 2. float32 输入：有限差分的舍入误差太大，连正确的梯度也会判为不通过
x32, w32 = x.detach().float().requires_grad_(), w.detach().float().requires_grad_()
print("float32 的 gradcheck：", gradcheck(f, (x32, w32), raise_exception=False))


# 3. 故意写错 backward：x**3 的导数应是 3x^2，这里写成了 2x^2
class WrongCube(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x**3

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * 2 * x**2  # 错误！


x = torch.tensor([1.0, 2.0, -1.0], dtype=torch.float64, requires_grad=True)
try:
    gradcheck(WrongCube.apply, (x,))
except GradcheckError as err:
    print()
    print("写错 backward 的 gradcheck 报错：")
    print(err)
