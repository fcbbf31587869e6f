import torch
from torch.distributions import Normal

torch.set_default_dtype(torch.float64)
torch.manual_seed(0)

mu = torch.tensor(1.5, requires_grad=True)
sigma = torch.tensor(0.5, requires_grad=True)

# 1. 直接从 N(mu, sigma^2) 抽样：得到的只是一个数，和 mu、sigma 之间没有可求导的路径
z = torch.normal(mu.detach(), sigma.detach(), size=(4,))
print("直接抽样：", z.requires_grad)
print("Normal.sample() 也一样：", Normal(mu, sigma).sample((4,)).requires_grad)

# 2. 重参数化：先抽与参数无关的 eps ~ N(0, 1)，再算 z = mu + sigma * eps
eps = torch.randn(100_000)
z = mu + sigma * eps
print("重参数化：", z.requires_grad, z.grad_fn.__class__.__name__)

# 目标 E[z^2] = mu^2 + sigma^2，精确梯度是 (2 mu, 2 sigma) = (3.0, 1.0)
loss = (z**2).mean()
loss.backward()
print(f"蒙特卡洛估计 E[z^2] = {loss.item():.3f}（精确值 {1.5**2 + 0.5**2:.3f}）")
print(f"梯度估计：d/dmu = {mu.grad.item():.3f}，d/dsigma = {sigma.grad.item():.3f}")

# 3. torch.distributions 里 rsample() 就是重参数化的抽样，sample() 不是
mu.grad = sigma.grad = None
dist = Normal(mu, sigma)
print("has_rsample：", dist.has_rsample)
(dist.rsample((100_000,)) ** 2).mean().backward()
print(f"用 rsample：d/dmu = {mu.grad.item():.3f}，d/dsigma = {sigma.grad.item():.3f}")
