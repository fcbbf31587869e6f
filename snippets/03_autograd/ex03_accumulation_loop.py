import torch
from torch import nn

torch.manual_seed(0)

# 数据：y = 3x - 1 加一点噪声，共 64 个样本
X = torch.randn(64, 1)
Y = 3 * X - 1 + 0.1 * torch.randn(64, 1)


def train(batch_size, accumulation_steps, num_updates):
    torch.manual_seed(1)  # 两次训练用同样的初始参数
    model = nn.Linear(1, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    micro_batches = list(zip(X.split(batch_size), Y.split(batch_size), strict=True))
    opt.zero_grad()
    step = 0
    for i, (xb, yb) in enumerate(micro_batches, start=1):
        loss = nn.functional.mse_loss(model(xb), yb) / accumulation_steps
        loss.backward()  # 梯度累加在 .grad 里
        if i % accumulation_steps == 0:  # 攒够了才更新一次
            opt.step()
            opt.zero_grad()
            step += 1
            if step == num_updates:
                break
    return model


big = train(batch_size=16, accumulation_steps=1, num_updates=4)
small = train(batch_size=4, accumulation_steps=4, num_updates=4)
print("整批 16：    weight =", round(big.weight.item(), 4), " bias =", round(big.bias.item(), 4))
print("4 x 4 累积：weight =", round(small.weight.item(), 4), " bias =", round(small.bias.item(), 4))
same = all(
    torch.allclose(p, q, atol=1e-6)
    for p, q in zip(big.parameters(), small.parameters(), strict=True)
)
print("参数一致：", same)
