import copy

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)


class EarlyStopping:
    """验证损失连续 patience 轮没有降低至少 min_delta，就建议停止；同时保存最好的权重。"""

    def __init__(self, patience=10, min_delta=0.0):
        self.patience = patience
        self.min_delta = min_delta
        self.best_loss = float("inf")
        self.best_epoch = 0
        self.best_state = None
        self.bad_epochs = 0

    def step(self, val_loss, model, epoch):
        """每轮验证后调用一次；返回 True 表示该停了。"""
        if val_loss < self.best_loss - self.min_delta:
            self.best_loss = val_loss
            self.best_epoch = epoch
            # state_dict() 里是参数本身的引用，必须深拷贝，否则“最好的权重”会跟着训练一起变
            self.best_state = copy.deepcopy(model.state_dict())
            self.bad_epochs = 0
        else:
            self.bad_epochs += 1
        return self.bad_epochs >= self.patience


# 先验证一下为什么要深拷贝
layer = nn.Linear(2, 1)
reference = layer.state_dict()
snapshot = copy.deepcopy(layer.state_dict())
with torch.no_grad():
    layer.weight.add_(1.0)  # 模拟一次参数更新
print(f"state_dict() 的引用跟着变了：{torch.equal(reference['weight'], layer.weight)}")
print(f"深拷贝保持原样：{not torch.equal(snapshot['weight'], layer.weight)}")


def make_data(n):
    """异或型二维数据，20% 的标签被随机翻转（生成方式与“训练曲线”示例相同）。"""
    x = torch.randn(n, 2)
    y = (x[:, 0] * x[:, 1] > 0).long()
    flip = torch.rand(n) < 0.2
    return TensorDataset(x, torch.where(flip, 1 - y, y))


train_loader = DataLoader(make_data(200), batch_size=32, shuffle=True)
val_loader = DataLoader(make_data(500), batch_size=500)
test_loader = DataLoader(make_data(500), batch_size=500)
model = nn.Sequential(
    nn.Linear(2, 128), nn.ReLU(), nn.Linear(128, 128), nn.ReLU(), nn.Linear(128, 2)
)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.003)


@torch.inference_mode()
def evaluate(loader):
    model.eval()
    xb, yb = next(iter(loader))  # 验证集只有一个批次
    logits = model(xb)
    return loss_fn(logits, yb).item(), (logits.argmax(dim=1) == yb).float().mean().item()


stopper = EarlyStopping(patience=15)
improved = []
for epoch in range(1, 301):  # 上限给得很宽，真正何时停由早停决定
    model.train()
    for xb, yb in train_loader:
        optimizer.zero_grad()
        loss_fn(model(xb), yb).backward()
        optimizer.step()
    val_loss, _ = evaluate(val_loader)
    should_stop = stopper.step(val_loss, model, epoch)
    if stopper.best_epoch == epoch:
        improved.append(epoch)
    if should_stop:
        print(f"第 {epoch} 轮停止：验证损失已连续 {stopper.patience} 轮没有创新低")
        break

print(f"验证损失创新低的轮次：{improved}")
print(f"最好的轮次：{stopper.best_epoch}，验证损失 {stopper.best_loss:.3f}")
last_val_loss, last_val_acc = evaluate(val_loader)
last_test_acc = evaluate(test_loader)[1]
print(f"停止时（最后一轮）的验证损失：{last_val_loss:.3f}")

model.load_state_dict(stopper.best_state)  # 回到最好的那一轮
val_loss, val_acc = evaluate(val_loader)
test_loss, test_acc = evaluate(test_loader)
print(f"恢复最好权重后 验证损失 {val_loss:.3f}，准确率 {val_acc:.1%}")
print(f"测试集（只在最后看一次）损失 {test_loss:.3f}，准确率 {test_acc:.1%}")
# 没经过挑选的最后一轮模型，验证集与测试集的差距反而更大
print(f"最后一轮的模型：验证准确率 {last_val_acc:.1%}，测试准确率 {last_test_acc:.1%}")

# 再抽 40 个同分布、各 500 个样本的新测试集，看单个测试集的准确率会波动多少
fresh = torch.tensor([evaluate(DataLoader(make_data(500), batch_size=500))[1] for _ in range(40)])
print(f"40 个新测试集上的准确率：平均 {fresh.mean():.1%}，标准差 {fresh.std():.1%}")
