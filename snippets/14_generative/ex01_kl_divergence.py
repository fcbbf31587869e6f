import torch
from torch.distributions import Normal, kl_divergence

torch.set_default_dtype(torch.float64)
torch.manual_seed(0)

# 编码器对某张图给出的分布：二维对角高斯 q = N(mu, diag(sigma^2))
mu = torch.tensor([0.8, -1.2])
logvar = torch.tensor([-1.0, 0.5])
sigma = torch.exp(0.5 * logvar)

# 1. 解析式：KL(q || N(0, I)) = -1/2 * sum(1 + log sigma^2 - mu^2 - sigma^2)
closed = -0.5 * torch.sum(1 + logvar - mu**2 - logvar.exp())

# 2. torch.distributions：逐维算 KL，再对维度求和
library = kl_divergence(Normal(mu, sigma), Normal(0.0, 1.0)).sum()

# 3. 蒙特卡洛：KL = E_q[log q(z) - log p(z)]，用 q 的样本求平均
q, p = Normal(mu, sigma), Normal(0.0, 1.0)
z = q.sample((200_000,))
monte_carlo = (q.log_prob(z) - p.log_prob(z)).sum(dim=1).mean()

print(f"解析式：{closed:.4f}")
print(f"kl_divergence：{library:.4f}")
print(f"蒙特卡洛（20 万个样本）：{monte_carlo:.3f}")

# 每一维各自的贡献：均值离 0 越远、方差离 1 越远，KL 越大
per_dim = -0.5 * (1 + logvar - mu**2 - logvar.exp())
print("每一维的 KL：", per_dim.numpy().round(4))
