import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(1024, 4096), nn.GELU(), nn.Linear(4096, 1024))
n_params = sum(p.numel() for p in model.parameters())


def mib(n_bytes):
    return n_bytes / 2**20


# 训练时常驻内存的四份东西：参数、梯度、优化器状态（Adam 每个参数两份：一阶矩和二阶矩）
bytes_per_value = 4  # float32
params = n_params * bytes_per_value
grads = n_params * bytes_per_value
adam_states = 2 * n_params * bytes_per_value
print(f"参数个数：{n_params}")
print(
    f"参数 {mib(params):.2f} MiB，梯度 {mib(grads):.2f} MiB，Adam 状态 {mib(adam_states):.2f} MiB"
)
print(f"合计约 {mib(params + grads + adam_states):.2f} MiB，是参数本身的 4 倍")
print(f"换成 SGD（无动量）：约 {mib(params + grads):.2f} MiB")

# 用一步真实的训练核对 Adam 状态的大小
optimizer = torch.optim.Adam(model.parameters())
loss = model(torch.randn(2, 1024)).pow(2).mean()
loss.backward()
optimizer.step()
state_bytes = sum(
    t.numel() * t.element_size()
    for s in optimizer.state.values()
    for t in s.values()
    if t.dim() > 0
)
print(f"Adam 实际保存的状态：{mib(state_bytes):.2f} MiB")

# 激活值随批次大小线性增长：这是显存不够时最先该调小批次的原因
for batch_size in (32, 256):
    hidden = batch_size * 4096 * bytes_per_value
    print(f"批次 {batch_size}：隐藏层一份激活约 {mib(hidden):.1f} MiB")
