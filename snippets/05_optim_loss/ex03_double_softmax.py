"""习题 3：找出“先 softmax 再 CrossEntropyLoss”的错误，并用训练结果说明它的危害。"""

import torch
from torch import nn

torch.manual_seed(0)
# 三类二维高斯点
centers = torch.tensor([[2.0, 0.0], [-1.0, 1.7], [-1.0, -1.7]])
labels = torch.arange(3).repeat_interleave(100)
x = centers[labels] + 0.8 * torch.randn(300, 2)


def train(apply_softmax):
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = nn.CrossEntropyLoss()
    grad_norms = []
    for _ in range(100):
        optimizer.zero_grad()
        out = model(x)
        if apply_softmax:
            out = out.softmax(dim=1)  # 错误：CrossEntropyLoss 内部已经做了 log_softmax
        loss = loss_fn(out, labels)
        loss.backward()
        grad_norms.append(nn.utils.clip_grad_norm_(model.parameters(), float("inf")).item())
        optimizer.step()
    with torch.no_grad():
        logits = model(x)
        acc = (logits.argmax(dim=1) == labels).float().mean().item()
        true_loss = loss_fn(logits, labels).item()  # 统一用正确的方式评估
    return loss.item(), true_loss, acc, sum(grad_norms[:10]) / 10


for name, flag in [("正确：直接传 logits", False), ("错误：先 softmax", True)]:
    reported, loss, acc, g = train(flag)
    print(name)
    print(f"  训练时看到的损失 {reported:.4f}  真实交叉熵 {loss:.4f}  准确率 {acc:.3f}")
    print(f"  前 10 步平均梯度范数 {g:.4f}")
