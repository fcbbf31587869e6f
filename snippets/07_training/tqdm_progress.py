import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset
from tqdm import tqdm

torch.manual_seed(0)

# 一个小的二分类任务：点在单位圆内为 1 类
X = torch.rand(2000, 2) * 2 - 1
y = (X.pow(2).sum(dim=1) < 0.5).long()
loader = DataLoader(TensorDataset(X, y), batch_size=50, shuffle=True)

model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 2))
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)

for epoch in range(1, 4):
    model.train()
    total_loss = correct = 0
    # tqdm 包住可迭代对象即可；进度条写到 stderr，不会混进 stdout 的正常输出
    bar = tqdm(loader, desc=f"轮次 {epoch}", leave=False)
    for xb, yb in bar:
        optimizer.zero_grad()
        logits = model(xb)
        loss = loss_fn(logits, yb)
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(yb)
        correct += (logits.argmax(dim=1) == yb).sum().item()
        bar.set_postfix(loss=f"{loss.item():.3f}")  # 在进度条右侧实时显示当前损失
    # tqdm.write 打印到 stdout，并且不会把正在刷新的进度条打断成碎片
    tqdm.write(
        f"轮次 {epoch}：平均损失 {total_loss / len(X):.3f}，训练准确率 {correct / len(X):.1%}"
    )
