import torch
from torch.func import functional_call, grad, vmap

torch.manual_seed(0)

# 一个普通的 nn.Module，和一批数据
model = torch.nn.Linear(3, 1)
x = torch.randn(8, 3)
y = torch.randn(8, 1)
params = {name: p.detach() for name, p in model.named_parameters()}


# 1. JAX 的风格：损失写成参数的纯函数，模型本身不保存状态
def loss_fn(params, xb, yb):
    pred = functional_call(model, params, (xb,))  # 用给定的参数调用模型
    return torch.nn.functional.mse_loss(pred, yb)


# 2. grad(f) 返回一个新函数，它算的是 f 对第一个参数的梯度
grads = grad(loss_fn)(params, x, y)
model.zero_grad()
torch.nn.functional.mse_loss(model(x), y).backward()
print(f"grad 与 backward 一致：{torch.allclose(grads['weight'], model.weight.grad)}")


# 3. vmap 把单样本函数变成批量函数：一次算出每个样本各自的梯度
def sample_loss(params, xi, yi):
    return loss_fn(params, xi.unsqueeze(0), yi.unsqueeze(0))


per_sample = vmap(grad(sample_loss), in_dims=(None, 0, 0))(params, x, y)
print(f"逐样本梯度形状：{tuple(per_sample['weight'].shape)}")

# 核对：用 Python 循环一个个算
loop = torch.stack([grad(sample_loss)(params, x[i], y[i])["weight"] for i in range(8)])
print(f"与循环结果一致：{torch.allclose(per_sample['weight'], loop, atol=1e-6)}")
print(
    f"逐样本梯度的平均 = 整批梯度：{torch.allclose(per_sample['weight'].mean(0), grads['weight'])}"
)

# 4. 变换可以叠加：对输入求导再 vmap，得到每个样本的输入梯度范数
input_grad = vmap(grad(sample_loss, argnums=1), in_dims=(None, 0, 0))(params, x, y)
print(f"每个样本输入梯度的范数：{input_grad.norm(dim=1)}")
