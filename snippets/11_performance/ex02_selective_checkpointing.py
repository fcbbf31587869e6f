"""习题 2：只给一部分块加检查点，在内存和重算之间折中。"""

import torch
from torch import nn
from torch.utils.checkpoint import checkpoint


class Model(nn.Module):
    def __init__(self, checkpoint_every=0, dim=64, depth=6):
        super().__init__()
        self.blocks = nn.ModuleList(
            nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))
            for _ in range(depth)
        )
        self.checkpoint_every = checkpoint_every  # 0：不用；1：每块都用；2：隔一块用一次
        self.recomputed = 0

    def use_checkpoint(self, i):
        return self.checkpoint_every > 0 and i % self.checkpoint_every == 0

    def forward(self, x):
        for i, block in enumerate(self.blocks):
            if self.use_checkpoint(i):
                x = x + checkpoint(block, x, use_reentrant=False)
            else:
                x = x + block(x)
        return x.pow(2).mean()


def saved_bytes(model, x):
    params = {p.untyped_storage().data_ptr() for p in model.parameters()}
    saved = {}

    def pack(t):
        if t.untyped_storage().data_ptr() not in params:
            saved[t.untyped_storage().data_ptr()] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        loss = model(x)
    loss.backward()
    n_ckpt = sum(model.use_checkpoint(i) for i in range(len(model.blocks)))
    return sum(saved.values()) + n_ckpt * x.nelement() * x.element_size(), n_ckpt


torch.manual_seed(0)
x = torch.randn(256, 64)
reference = Model()
base, _ = saved_bytes(reference, x)
for every in [0, 2, 1]:
    model = Model(checkpoint_every=every)
    model.load_state_dict(reference.state_dict())
    nbytes, n_ckpt = saved_bytes(model, x)
    print(
        f"检查点块数 {n_ckpt}：激活内存 {nbytes / 2**20:.2f} MiB（{nbytes / base:.0%}），"
        f"额外重算 {n_ckpt} 块的前向"
    )
