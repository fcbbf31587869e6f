"""激活检查点：用重算换内存。在 CPU 上用 saved_tensors_hooks 精确数出反向传播要保存多少字节。"""

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint


class Block(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))
        self.forward_calls = 0

    def forward(self, x):
        self.forward_calls += 1
        return x + self.net(x)


class Model(nn.Module):
    def __init__(self, dim=64, depth=6, use_checkpoint=False):
        super().__init__()
        self.blocks = nn.ModuleList(Block(dim) for _ in range(depth))
        self.head = nn.Linear(dim, 1)
        self.use_checkpoint = use_checkpoint

    def forward(self, x):
        for block in self.blocks:
            if self.use_checkpoint:
                # 这一块的中间结果不保存，反向传播时用保存的输入重新算一遍
                x = checkpoint(block, x, use_reentrant=False)
            else:
                x = block(x)
        return self.head(x)


def saved_activation_bytes(model, x):
    """前向传播时为反向传播保存了多少字节的激活（不算参数）。"""
    param_storages = {p.untyped_storage().data_ptr() for p in model.parameters()}
    saved = {}

    def pack(t):
        ptr = t.untyped_storage().data_ptr()
        if ptr not in param_storages:  # 权重本来就在内存里，不算
            saved[ptr] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        loss = model(x).pow(2).mean()
    loss.backward()
    return sum(saved.values())


torch.manual_seed(0)
x = torch.randn(256, 64)
plain = Model()
ckpt = Model(use_checkpoint=True)
ckpt.load_state_dict(plain.state_dict())

plain_bytes = saved_activation_bytes(plain, x)
ckpt_bytes = saved_activation_bytes(ckpt, x)
# 非重入检查点还要留着每一块的输入（形状和 x 一样），把它们也算进去才公平
ckpt_total = ckpt_bytes + len(ckpt.blocks) * x.nelement() * x.element_size()
print(f"不用检查点：保存 {plain_bytes / 2**20:.2f} MiB")
print(f"用检查点：保存 {ckpt_bytes / 2**20:.2f} MiB，加上各块输入共 {ckpt_total / 2**20:.2f} MiB")
print(f"激活内存降到原来的 {ckpt_total / plain_bytes:.1%}")

# 代价：每一块的前向传播算了两次
print("每块前向调用次数：", plain.blocks[0].forward_calls, "对", ckpt.blocks[0].forward_calls)

# 梯度和不用检查点时一致
same = all(
    torch.allclose(p.grad, q.grad, atol=1e-6)
    for p, q in zip(plain.parameters(), ckpt.parameters(), strict=True)
)
print("梯度一致：", same)
