"""K 折交叉验证：数据太少、留不出像样的验证集时，让每个样本都轮流当一次验证数据。"""

import torch
from sklearn.model_selection import StratifiedKFold
from torch import nn
from torch.utils.data import DataLoader, Subset, TensorDataset

torch.manual_seed(0)
# 只有 150 个样本的三分类问题
centers = torch.tensor([[0.0, 1.5], [-1.5, -1.0], [1.5, -1.0]])
x = torch.cat([c + torch.randn(50, 2) for c in centers])
y = torch.arange(3).repeat_interleave(50)
dataset = TensorDataset(x, y)


def train_and_evaluate(train_idx, val_idx):
    """每一折都从头新建模型和优化器，只用这一折的训练部分训练。"""
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 3))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loader = DataLoader(Subset(dataset, train_idx), batch_size=16, shuffle=True)
    for _ in range(30):
        for xb, yb in loader:
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(xb), yb).backward()
            optimizer.step()
    with torch.no_grad():
        xv, yv = dataset[val_idx]
        return (model(xv).argmax(dim=1) == yv).float().mean().item()


# 分层 K 折：每一折里三个类别的比例都与整体相同
kfold = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
scores = []
for fold, (train_idx, val_idx) in enumerate(kfold.split(x.numpy(), y.numpy()), start=1):
    acc = train_and_evaluate(train_idx.tolist(), val_idx.tolist())
    scores.append(acc)
    counts = torch.bincount(y[val_idx], minlength=3).tolist()
    print(
        f"第 {fold} 折：训练 {len(train_idx)} 个，验证 {len(val_idx)} 个 {counts}，准确率 {acc:.1%}"
    )
scores = torch.tensor(scores)
print(f"5 折平均准确率 {scores.mean():.1%}，标准差 {scores.std():.1%}")
