import warnings

import torch

torch.manual_seed(0)

# 1. 用 torch.isfinite 检查张量里有没有 NaN 或 inf
x = torch.tensor([1.0, 0.0, -1.0])
y = torch.log(x)  # log(0) = -inf，log(-1) = nan
print("log 的结果：", y)
print("每个元素是否有限：", torch.isfinite(y))
print(f"NaN 个数：{torch.isnan(y).sum().item()}，inf 个数：{torch.isinf(y).sum().item()}")

# 2. 前向正常、反向才出 NaN：sqrt 在 0 处的导数是无穷大，再乘以 0 就成了 NaN
a = torch.tensor([0.0, 4.0], requires_grad=True)
loss = (torch.sqrt(a) * torch.tensor([0.0, 1.0])).sum()
loss.backward()
print(f"前向损失：{loss.item():.1f}，梯度：{a.grad}")

# 3. 异常检测模式：反向传播里一出现 NaN 就报错，并指出是哪个运算
a = torch.tensor([0.0, 4.0], requires_grad=True)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # 异常检测会在 stderr 打印前向调用栈，这里先不看
    try:
        with torch.autograd.detect_anomaly():
            loss = (torch.sqrt(a) * torch.tensor([0.0, 1.0])).sum()
            loss.backward()
    except RuntimeError as e:
        print(f"{type(e).__name__}：{str(e).splitlines()[0]}")

# 修正：给 sqrt 的输入加一个很小的下限，远离导数发散的地方
a = torch.tensor([0.0, 4.0], requires_grad=True)
loss = (torch.sqrt(a.clamp_min(1e-8)) * torch.tensor([0.0, 1.0])).sum()
loss.backward()
print("修正后梯度：", a.grad)
