import torch
from torch import nn

torch.manual_seed(0)

# 一个小网络：把第一层当作预训练好的特征提取器冻结，只训练最后一层
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
for p in model[0].parameters():
    p.requires_grad_(False)

trainable = [name for name, p in model.named_parameters() if p.requires_grad]
frozen = [name for name, p in model.named_parameters() if not p.requires_grad]
print("可训练参数：", trainable)
print("冻结参数：  ", frozen)

# 只把需要梯度的参数交给优化器
opt = torch.optim.SGD((p for p in model.parameters() if p.requires_grad), lr=0.1)

x = torch.randn(16, 4)
target = torch.randint(0, 2, (16,))
before = model[0].weight.clone()
loss = nn.functional.cross_entropy(model(x), target)
opt.zero_grad()
loss.backward()
opt.step()

print("冻结层的 grad：", model[0].weight.grad)
print("冻结层的权重没有变化：", torch.equal(before, model[0].weight))
print("最后一层的 grad 形状：", tuple(model[2].weight.grad.shape))
n_train = sum(p.numel() for p in model.parameters() if p.requires_grad)
n_all = sum(p.numel() for p in model.parameters())
print(f"可训练参数量：{n_train} / {n_all}")
