import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)

model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 3))
loss_fn = nn.CrossEntropyLoss()  # 默认 reduction="mean"：批内取平均
x = torch.randn(32, 10)
y = torch.randint(0, 3, (32,))

# 1) 一次算 32 个样本的梯度
model.zero_grad()
loss_fn(model(x), y).backward()
full_grad = [p.grad.clone() for p in model.parameters()]

# 2) 分成 4 个 8 样本的小批次，每个的损失除以 4 再反向传播，梯度自动累加
model.zero_grad()
accum_steps = 4
for xb, yb in zip(x.chunk(accum_steps), y.chunk(accum_steps), strict=True):
    (loss_fn(model(xb), yb) / accum_steps).backward()
accum_grad = [p.grad for p in model.parameters()]

same = all(torch.allclose(a, b, atol=1e-6) for a, b in zip(full_grad, accum_grad, strict=True))
print(f"累加 4 个小批次的梯度 == 一个大批次的梯度：{same}")

# 3) 放进训练循环：每 accum_steps 个小批次才更新一次参数
X = torch.randn(1000, 10)
Y = X[:, :3].argmax(dim=1)  # 标签由前三个特征里最大的那个决定
loader = DataLoader(TensorDataset(X, Y), batch_size=8, shuffle=True)
model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 3))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

accum_steps = 4  # 等效批次大小 = 8 * 4 = 32
for epoch in range(1, 4):
    model.train()
    optimizer.zero_grad()
    num_updates = 0
    for i, (xb, yb) in enumerate(loader, start=1):
        loss = loss_fn(model(xb), yb) / accum_steps  # 除以累加次数，梯度才是平均值
        loss.backward()
        if i % accum_steps == 0 or i == len(loader):  # 最后不满一组也要更新
            optimizer.step()
            optimizer.zero_grad()
            num_updates += 1
    model.eval()
    with torch.inference_mode():
        acc = (model(X).argmax(dim=1) == Y).float().mean().item()
    print(
        f"轮次 {epoch}：{len(loader)} 个小批次，参数更新 {num_updates} 次，训练集准确率 {acc:.1%}"
    )
