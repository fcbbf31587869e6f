import torch

x = torch.tensor([0.5, 1.0], requires_grad=True)
y = torch.exp(x).sum()  # exp 在前向时保存了结果，反向要用

y.backward()
print("第一次 backward：", x.grad)

# 图里保存的中间结果已在第一次 backward 后释放，再来一次会报错
try:
    y.backward()
except RuntimeError as err:
    print("第二次 backward 报错：", str(err).split(".")[0])

# 需要在同一张图上多次反向时，前面的调用加 retain_graph=True
x.grad = None
y = torch.exp(x).sum()
y.backward(retain_graph=True)
y.backward()  # 这次可以了；梯度照常累加
print("retain_graph=True 后两次 backward 累加的梯度：", x.grad)
print("等于 2 * exp(x)：", torch.allclose(x.grad, 2 * torch.exp(x.detach())))
