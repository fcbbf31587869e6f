import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


# 带噪声的小数据集：训练集只有 60 个样本，大模型很容易过拟合
def make_split(n):
    x = torch.randn(n, 2)
    y = ((x[:, 0] * x[:, 1]) > 0).long()  # 异或形状的两类
    flip = torch.rand(n) < 0.15  # 15% 的标签是错的
    return x, torch.where(flip, 1 - y, y)


x_train, y_train = make_split(60)
x_val, y_val = make_split(300)

model = nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 2))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)


@torch.no_grad()
def evaluate(m):
    m.eval()
    logits = m(x_val)
    loss = F.cross_entropy(logits, y_val).item()
    acc = (logits.argmax(dim=1) == y_val).float().mean().item()
    return loss, acc


best_loss = float("inf")
for epoch in range(1, 61):
    model.train()
    loss = F.cross_entropy(model(x_train), y_train)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

    val_loss, val_acc = evaluate(model)
    if val_loss < best_loss:  # 验证损失创新低：覆盖 best.pt
        best_loss = val_loss
        torch.save(
            {"epoch": epoch, "val_loss": val_loss, "val_acc": val_acc, "model": model.state_dict()},
            "best.pt",
        )
    if epoch % 10 == 0:
        print(
            f"轮次 {epoch:3d}  训练损失 {loss.item():.4f}  验证损失 {val_loss:.4f}  "
            f"验证准确率 {val_acc:.3f}"
        )

# 训练结束：最后一轮的模型不一定是最好的
final_loss, final_acc = evaluate(model)
best = torch.load("best.pt", weights_only=True)
model.load_state_dict(best["model"])
reload_loss, reload_acc = evaluate(model)
print(f"最后一轮：    验证损失 {final_loss:.4f}  准确率 {final_acc:.3f}")
print(
    f"最佳（轮次 {best['epoch']}）：验证损失 {best['val_loss']:.4f}  准确率 {best['val_acc']:.3f}"
)
print(f"重新加载 best.pt 后复算：验证损失 {reload_loss:.4f}  准确率 {reload_acc:.3f}")
print(f"与记录完全一致：{reload_loss == best['val_loss']}")
