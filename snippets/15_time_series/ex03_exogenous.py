# 输出容差：units=2
# 训练几百步后，末位会随 CPU 指令集、线程数或 GPU 略有不同：允许末位相差 2 个单位
import math

import torch
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)


def make_data(n=2016, seed=0):
    """负荷 = 日周期 + 0.8 × 气温距平 + 噪声；气温距平是缓慢漂移的 AR(1) 过程。"""
    g = torch.Generator().manual_seed(seed)
    shocks = 0.3 * torch.randn(n, generator=g)
    temp = torch.zeros(n)
    for i in range(1, n):
        temp[i] = 0.97 * temp[i - 1] + shocks[i]
    t = torch.arange(n, dtype=torch.float32)
    load = torch.sin(2 * math.pi * t / 24) + 0.8 * temp + 0.2 * torch.randn(n, generator=g)
    return load, temp


class MLP(nn.Module):
    def __init__(self, n_in):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, 64), nn.ReLU(), nn.Linear(64, 1))

    def forward(self, load_hist, extra):
        last = load_hist[:, -1:]
        return last + self.net(torch.cat([load_hist - last, extra], dim=1))


load, temp = make_data()
n = len(load)
n_train, n_val = int(n * 0.70), int(n * 0.85)
# 两个变量各自用训练段的统计量归一化
load = (load - load[:n_train].mean()) / load[:n_train].std()
temp = (temp - temp[:n_train].mean()) / temp[:n_train].std()
lookback = 48


def windows(lo, hi, with_temp):
    wl = load[lo:hi].unfold(0, lookback + 1, 1)
    wt = temp[lo:hi].unfold(0, lookback + 1, 1)
    # 气温：过去 48 小时 + 目标那一小时（天气预报，预测时已知）
    extra = wt if with_temp else wt[:, :0]
    return wl[:, :lookback].to(device), extra.to(device), wl[:, lookback:].to(device)


for with_temp in (False, True):
    torch.manual_seed(0)
    x_l, x_e, y_t = windows(0, n_train, with_temp)
    model = MLP(lookback + x_e.shape[1]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    g = torch.Generator().manual_seed(0)
    for _ in range(400):
        idx = torch.randint(0, len(x_l), (64,), generator=g)
        loss = nn.functional.mse_loss(model(x_l[idx], x_e[idx]), y_t[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    x_l, x_e, y_t = windows(n_val, n, with_temp)
    with torch.no_grad():
        mae = (model(x_l, x_e) - y_t).abs().mean().item()
    naive = (x_l[:, -1:] - y_t).abs().mean().item()
    name = "负荷 + 气温（含目标时刻）" if with_temp else "只用负荷历史"
    print(
        f"{name}：输入 {model.net[0].in_features} 维，测试 MAE {mae:.3f}（归一化单位；朴素预测 {naive:.3f}）"
    )
