import math

import torch
from torch import nn
from torch.func import functional_call, grad, vmap

torch.manual_seed(0)

# 生成的二分类数据：20 个特征，真实边界是一个随机方向
n_train, n_features = 500, 20
w_true = torch.randn(n_features)
x_all = torch.randn(2 * n_train, n_features)
y_all = (x_all @ w_true + 0.5 * torch.randn(2 * n_train) > 0).float()
x_train, y_train, x_test, y_test = (
    x_all[:n_train],
    y_all[:n_train],
    x_all[n_train:],
    y_all[n_train:],
)


def loss_one(params, model, xi, yi):
    logit = functional_call(model, params, (xi.unsqueeze(0),)).squeeze()
    return nn.functional.binary_cross_entropy_with_logits(logit, yi)


# --8<-- [start:dp_step]
def dp_step(model, params, x, y, lr, clip_c, sigma, generator):
    """一步差分隐私梯度下降：每样本梯度 → 裁剪到 C → 求和加高斯噪声 → 除以 n。"""
    grads = vmap(grad(loss_one), in_dims=(None, None, 0, 0))(params, model, x, y)
    norms = torch.cat([g.flatten(1) for g in grads.values()], dim=1).norm(dim=1)
    factor = (clip_c / (norms + 1e-6)).clamp(max=1.0)  # 范数超过 C 的样本按比例缩小
    new_params = {}
    for name, g in grads.items():
        clipped_sum = (g * factor.view(-1, *[1] * (g.dim() - 1))).sum(dim=0)
        noise = sigma * clip_c * torch.randn(g.shape[1:], generator=generator)
        new_params[name] = params[name] - lr * (clipped_sum + noise) / len(x)
    return new_params


# --8<-- [end:dp_step]


def epsilon_full_batch(steps, sigma, delta):
    """全批量（不抽样）高斯机制的隐私预算：用 Rényi 差分隐私组合后换算成 (ε, δ)。"""
    alphas = [1 + a / 10 for a in range(1, 1000)]
    return min(steps * a / (2 * sigma**2) + math.log(1 / delta) / (a - 1) for a in alphas)


def train(sigma, clip_c=1.0, steps=60, lr=2.0):
    torch.manual_seed(0)
    model = nn.Linear(n_features, 1)
    params = {k: v.detach() for k, v in model.named_parameters()}
    generator = torch.Generator().manual_seed(123)
    for _ in range(steps):
        params = dp_step(model, params, x_train, y_train, lr, clip_c, sigma, generator)
    with torch.no_grad():
        logits = functional_call(model, params, (x_test,)).squeeze(1)
    return ((logits > 0).float() == y_test).float().mean().item()


print(f"非隐私（不裁剪、不加噪）：测试准确率 {train(sigma=0.0, clip_c=1e6):.3f}")
print(f"只裁剪、不加噪：         测试准确率 {train(sigma=0.0):.3f}")
for sigma in (4.0, 16.0, 64.0):
    eps = epsilon_full_batch(steps=60, sigma=sigma, delta=1e-5)
    print(f"DP-GD σ={sigma:g}：ε ≈ {eps:.2f}（δ=1e-5）  测试准确率 {train(sigma=sigma):.3f}")
