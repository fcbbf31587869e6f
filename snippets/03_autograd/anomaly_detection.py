import torch

# 想算 sqrt(x)，但只对正数：负数位置用 0 代替
x = torch.tensor([-1.0, 4.0], requires_grad=True)


def safe_sqrt_wrong(x):
    # torch.where 两个分支都会被计算，sqrt(-1) = nan 虽然没被选中，
    # 它的梯度 0.5 / sqrt(-1) = nan 乘以 0 仍然是 nan
    return torch.where(x > 0, torch.sqrt(x), torch.zeros_like(x))


y = safe_sqrt_wrong(x)
print("前向结果看起来正常：", y)
y.sum().backward()
print("但梯度里出现了 nan：", x.grad)

# 打开异常检测：反向中哪个节点产生 nan，就在那里报错，
# 并在 stderr 打印产生它的前向代码位置
x.grad = None
with torch.autograd.detect_anomaly():
    y = safe_sqrt_wrong(x)
    try:
        y.sum().backward()
    except RuntimeError as err:
        print("detect_anomaly 报错：", str(err).splitlines()[0])


# 修正：先把会出问题的输入换成安全值，保证两个分支都不产生 nan
def safe_sqrt(x):
    positive = x > 0
    x_safe = torch.where(positive, x, torch.ones_like(x))
    return torch.where(positive, torch.sqrt(x_safe), torch.zeros_like(x))


x.grad = None
safe_sqrt(x).sum().backward()
print("修正后的梯度：", x.grad)
