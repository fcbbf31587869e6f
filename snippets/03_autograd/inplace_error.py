import torch

w = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)

# sigmoid 的导数是 s * (1 - s)，所以前向时保存了输出 s
s = torch.sigmoid(w)
print("s 的版本号（刚创建）：", s._version)
s.mul_(2)  # 原地修改了 s：反向需要的值被改掉了
print("s 的版本号（mul_ 之后）：", s._version)

try:
    s.sum().backward()
except RuntimeError as err:
    msg = str(err)
    print("backward 报错（节选）：", msg.split(":")[0])
    print("报错里提到了版本号不一致：", "is at version 1; expected version 0" in msg)

# 修正：用非原地版本，生成新张量，原来保存的 s 不受影响
w.grad = None
s = torch.sigmoid(w)
s2 = s * 2
s2.sum().backward()
print("改用 s * 2 后的梯度：", w.grad)

# 并非所有原地操作都出错：如果没有节点需要保存被改的那个值，就没有问题
a = w * 3  # MulBackward0 只保存了常数 3（对 w 求导只需要它），没有保存 w，也没有保存 a
a.add_(1)  # 加法的导数与 a 的值无关
w.grad = None
a.sum().backward()
print("a.add_(1) 之后照样能反向：", w.grad)
