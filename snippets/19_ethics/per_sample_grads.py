import torch
from torch import nn
from torch.func import functional_call, grad, vmap

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
x = torch.randn(5, 4)
y = torch.tensor([0, 1, 1, 0, 1])
params = {name: p.detach() for name, p in model.named_parameters()}


def loss_one(params, xi, yi):
    """单个样本的损失：vmap 会把它映射到整批上，所以这里补回批次维度。"""
    logits = functional_call(model, params, (xi.unsqueeze(0),))
    return nn.functional.cross_entropy(logits, yi.unsqueeze(0))


# grad 对第 0 个参数（参数字典）求导；vmap 沿样本维度并行，参数不分批（None）
per_sample = vmap(grad(loss_one), in_dims=(None, 0, 0))(params, x, y)
for name, g in per_sample.items():
    print(f"{name:9s} 每样本梯度形状：{tuple(g.shape)}")

# 核对：逐个样本做普通的反向传播，结果应一致
loop = []
for i in range(len(x)):
    model.zero_grad()
    nn.functional.cross_entropy(model(x[i : i + 1]), y[i : i + 1]).backward()
    loop.append(model[0].weight.grad.clone())
print(
    "与逐样本反向传播一致：", torch.allclose(per_sample["0.weight"], torch.stack(loop), atol=1e-6)
)

# DP-SGD 的第一步：每个样本的梯度整体（所有参数拼在一起）裁剪到 L2 范数不超过 C
flat = torch.cat([g.flatten(1) for g in per_sample.values()], dim=1)  # (5, 参数总数)
norms = flat.norm(dim=1)
clip_c = 1.0
factor = (clip_c / (norms + 1e-6)).clamp(max=1.0)
print("裁剪前的范数：", [f"{v:.3f}" for v in norms.tolist()])
print("裁剪后的范数：", [f"{v:.3f}" for v in (flat * factor[:, None]).norm(dim=1).tolist()])
