"""不用 nn 和 optim：手推 MSE 与 BCE 的梯度，从零训练线性回归和逻辑回归。"""

import torch

torch.manual_seed(0)

# ---- 线性回归：y ≈ Xw + b，损失 MSE = mean((Xw + b - y)²) ----
# 对 w 求导：2/N · Xᵀ(Xw + b - y)；对 b 求导：2/N · Σ(Xw + b - y)
X = torch.randn(200, 3)
y = X @ torch.tensor([2.0, -3.4, 1.5]) + 4.2 + 0.1 * torch.randn(200)
w, b = torch.zeros(3), torch.zeros(())
for _ in range(300):
    err = X @ w + b - y
    grad_w = 2 * X.T @ err / len(y)
    grad_b = 2 * err.mean()
    w, b = w - 0.05 * grad_w, b - 0.05 * grad_b
print(f"线性回归：w = {[round(v, 2) for v in w.tolist()]}，b = {b.item():.2f}")
print(f"  MSE = {((X @ w + b - y) ** 2).mean().item():.4f}（噪声方差 0.01）")

# 手推的梯度与 autograd 一致
w_req = w.clone().requires_grad_()
((X @ w_req + b - y) ** 2).mean().backward()
manual = 2 * X.T @ (X @ w + b - y) / len(y)
print(f"  手推梯度与 autograd 一致：{torch.allclose(manual, w_req.grad, atol=1e-6)}")

# ---- 逻辑回归：p = σ(z)，z = Xw + b，损失 BCE = -mean(y log p + (1-y) log(1-p)) ----
# 因为 σ'(z) = p(1-p)，链式法则化简后 dBCE/dz = (p - y) / N，形式和 MSE 几乎一样
Xc = torch.cat([torch.randn(100, 2) - 1.0, torch.randn(100, 2) + 1.0])
yc = torch.cat([torch.zeros(100), torch.ones(100)])
w, b = torch.zeros(2), torch.zeros(())
for _ in range(300):
    p = torch.sigmoid(Xc @ w + b)
    w, b = w - 0.5 * Xc.T @ (p - yc) / len(yc), b - 0.5 * (p - yc).mean()
p = torch.sigmoid(Xc @ w + b)
bce = -(yc * torch.log(p) + (1 - yc) * torch.log(1 - p)).mean()
print(f"逻辑回归：w = {[round(v, 2) for v in w.tolist()]}，b = {b.item():.2f}")
print(f"  BCE = {bce.item():.3f}，训练准确率 {((p > 0.5).float() == yc).float().mean().item():.1%}")

z_req = (Xc @ w + b).requires_grad_()
torch.nn.functional.binary_cross_entropy_with_logits(z_req, yc).backward()
print(f"  dBCE/dz = (p - y) / N 与 autograd 一致：{torch.allclose((p - yc) / len(yc), z_req.grad)}")
