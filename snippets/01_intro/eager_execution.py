"""即时执行（eager execution）：每行代码立刻得到真实数值，可以随时打印、用 Python 分支和循环。"""

import torch

torch.manual_seed(0)

x = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)

# 中间结果就是普通张量，可以直接打印、检查
h = x * 3
print("第 1 步 h = x * 3 ：", h.detach())
h = torch.relu(h)
print("第 2 步 relu(h)   ：", h.detach())

# Python 控制流可以依赖张量的值：这次运行走哪个分支，取决于算出来的数
steps = 0
while h.sum() < 20:  # 循环次数由数据决定
    h = h * 2
    steps += 1
    print(f"  循环第 {steps} 次, h.sum() = {h.sum().item():.1f}")

if h.max() > 10:
    out = h.max()
    print("走了 if 分支：取最大值", out.item())
else:
    out = h.mean()
    print("走了 else 分支：取平均值", out.item())

# 反向传播只沿着这一次真正执行过的运算求梯度
out.backward()
print("循环次数：", steps)
print("x.grad =", x.grad)
