import torch
import torch.nn.functional as F
from torch import nn

torch.set_default_dtype(torch.float64)
torch.manual_seed(0)

# 1. 生成器的两种损失，对判别器 logit a 的梯度（D(G(z)) = sigmoid(a)）
print("D(G(z))   极小极大 log(1-D) 的梯度   非饱和 -log D 的梯度")
for d in [0.001, 0.01, 0.1, 0.5, 0.9]:
    a = torch.logit(torch.tensor(d)).requires_grad_()
    (g_minimax,) = torch.autograd.grad(torch.log1p(-torch.sigmoid(a)), a)
    (g_nonsat,) = torch.autograd.grad(-F.logsigmoid(a), a)
    print(f"{d:7.3f}   {g_minimax.item():22.4f}   {g_nonsat.item():20.4f}")

# 非饱和损失就是把假样本的标签写成 1 的二元交叉熵
a = torch.randn(5)
bce = F.binary_cross_entropy_with_logits(a, torch.ones(5))
print("BCE(标签 1) 等于 -log D：", torch.allclose(bce, -F.logsigmoid(a).mean()))

# 2. detach()：训练判别器时，梯度不该流进生成器
G = nn.Linear(2, 2)
D = nn.Linear(2, 1)
real, z = torch.randn(8, 2), torch.randn(8, 2)
fake = G(z)

loss_d = F.binary_cross_entropy_with_logits(
    D(real), torch.ones(8, 1)
) + F.binary_cross_entropy_with_logits(D(fake.detach()), torch.zeros(8, 1))
loss_d.backward()
print(f"用 detach：判别器有梯度 {D.weight.grad is not None}，生成器的梯度 {G.weight.grad}")

D.zero_grad()
loss_d = F.binary_cross_entropy_with_logits(
    D(real), torch.ones(8, 1)
) + F.binary_cross_entropy_with_logits(D(fake), torch.zeros(8, 1))
loss_d.backward(retain_graph=True)
print(f"不用 detach：生成器也收到了梯度，范数 {G.weight.grad.norm():.3f}")
# 这份梯度的方向是让判别器更容易认出假样本，正好和生成器的目标相反
g_from_d = G.weight.grad.clone()
G.zero_grad()
F.binary_cross_entropy_with_logits(D(fake), torch.ones(8, 1)).backward()
cos = F.cosine_similarity(g_from_d.flatten(), G.weight.grad.flatten(), dim=0)
print(f"它与生成器自己的梯度的余弦相似度：{cos:.2f}")
