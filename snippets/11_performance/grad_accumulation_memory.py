"""梯度累积与 zero_grad(set_to_none=True)：激活内存随微批次变小，梯度不变。"""

import torch
from torch import nn


def saved_activation_bytes(model, loss_of):
    """运行 loss_of() 并反向传播，返回为反向传播保存的激活字节数（不算参数）。"""
    param_storages = {p.untyped_storage().data_ptr() for p in model.parameters()}
    saved = {}

    def pack(t):
        ptr = t.untyped_storage().data_ptr()
        if ptr not in param_storages:
            saved[ptr] = t.untyped_storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        loss = loss_of()
    loss.backward()
    return sum(saved.values())


torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(32, 512), nn.ReLU(), nn.Linear(512, 512), nn.ReLU(), nn.Linear(512, 1)
)
x = torch.randn(256, 32)
y = torch.randn(256, 1)
loss_fn = nn.MSELoss()

# 一次算完整个批次
model.zero_grad()
full_bytes = saved_activation_bytes(model, lambda: loss_fn(model(x), y))
full_grads = [p.grad.clone() for p in model.parameters()]

accum_steps = 4
model.zero_grad()
peak_micro = 0
for xb, yb in zip(x.chunk(accum_steps), y.chunk(accum_steps), strict=True):
    # 每个微批次的损失除以累积步数，累加起来才是整批的平均损失的梯度
    nbytes = saved_activation_bytes(
        model, lambda xb=xb, yb=yb: loss_fn(model(xb), yb) / accum_steps
    )
    peak_micro = max(peak_micro, nbytes)  # 上一个微批次的激活在 backward 后已释放

same = all(
    torch.allclose(p.grad, g, atol=1e-6)
    for p, g in zip(model.parameters(), full_grads, strict=True)
)
print(f"整批 256：激活 {full_bytes / 2**20:.2f} MiB")
print(f"4 个微批次 64：每次激活最多 {peak_micro / 2**20:.2f} MiB")
print("累积后的梯度与整批相同：", same)

optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
optimizer.zero_grad(set_to_none=False)  # 旧行为：把 .grad 填成 0，张量留着
kept = sum(p.grad.nelement() * p.grad.element_size() for p in model.parameters())
print(f"set_to_none=False：.grad 仍占 {kept / 2**20:.2f} MiB，第一层 .grad 全为 0：", end="")
print(bool((model[0].weight.grad == 0).all()))
optimizer.zero_grad()  # 默认 set_to_none=True：直接释放
print("set_to_none=True：第一层 .grad 是", model[0].weight.grad)
