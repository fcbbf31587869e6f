import torch

torch.manual_seed(0)


# --8<-- [start:pinball]
def pinball_loss(pred, target, quantiles):
    """分位数损失：pred 的最后一维对应 quantiles 里的每个分位数。"""
    error = target.unsqueeze(-1) - pred  # 正：预测低了；负：预测高了
    return torch.maximum(quantiles * error, (quantiles - 1) * error).mean()


# --8<-- [end:pinball]


taus = torch.tensor([0.1, 0.5, 0.9])
# 不对称：τ=0.9 时，低估 1 罚 0.9，高估 1 只罚 0.1
for err in (1.0, -1.0):
    losses = [
        pinball_loss(torch.zeros(1, 1), torch.tensor([err]), taus[i : i + 1]) for i in range(3)
    ]
    print(
        f"真实值比预测{'高' if err > 0 else '低'} 1：τ=0.1/0.5/0.9 的损失",
        " ".join(f"{v:.1f}" for v in losses),
    )

# 偏斜的数据：指数分布，均值 1，中位数 ln2
samples = torch.distributions.Exponential(1.0).sample((4000,))
q = torch.zeros(3, requires_grad=True)  # 三个常数，分别去拟合三个分位数
c = torch.zeros(1, requires_grad=True)  # 对照：一个常数用 MSE 去拟合
optimizer = torch.optim.Adam([q, c], lr=0.05)
for _ in range(600):
    loss = pinball_loss(q.expand(len(samples), 3), samples, taus) + (samples - c).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

print("最小化分位数损失得到：", " ".join(f"{v:.2f}" for v in q.tolist()))
print(
    "样本分位数 torch.quantile：",
    " ".join(f"{v:.2f}" for v in torch.quantile(samples, taus).tolist()),
)
below = (samples.unsqueeze(-1) < q.detach()).float().mean(0)
print("样本落在拟合值下方的比例：", " ".join(f"{v:.0%}" for v in below.tolist()))
print(
    f"MSE 拟合出的常数 {c.item():.2f}，样本均值 {samples.mean():.2f}：MSE 找的是均值，τ=0.5 找的是中位数"
)
