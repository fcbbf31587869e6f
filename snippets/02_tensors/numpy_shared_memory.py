"""与 NumPy 互转：from_numpy 和 .numpy() 共享内存，torch.tensor 会复制。"""

import numpy as np
import torch

arr = np.array([1.0, 2.0, 3.0])

shared = torch.from_numpy(arr)  # 不复制，和 arr 用同一块内存
copied = torch.tensor(arr)  # 复制一份
as_t = torch.as_tensor(arr)  # 能不复制就不复制（这里 dtype、设备都相同，所以也共享）

arr[0] = 100.0  # 修改 NumPy 数组
print("修改 arr[0] 之后：")
print("  from_numpy:", shared)
print("  tensor:    ", copied)
print("  as_tensor: ", as_t)

# 反方向：CPU 张量的 .numpy() 也共享内存
t = torch.zeros(3)
view_np = t.numpy()
t.add_(5)  # 原地修改张量
print("t.add_(5) 之后 NumPy 数组：", view_np)

# 想要独立的一份，就显式复制
independent = t.numpy().copy()
t.zero_()
print("t.zero_() 之后：共享的", view_np, " 复制的", independent)

# 转换时 dtype 原样保留：NumPy 默认 float64
print("NumPy 默认浮点：", np.zeros(2).dtype, "->", torch.from_numpy(np.zeros(2)).dtype)

# 需要梯度的张量不能直接 .numpy()，要先 detach()
w = torch.ones(2, requires_grad=True)
try:
    w.numpy()
except RuntimeError as err:
    print("requires_grad 的张量 .numpy() 报错：", type(err).__name__)
print("detach().numpy():", w.detach().numpy())

# 不在 CPU 上的张量要先 .cpu()；在 CPU 上时 .cpu() 什么也不做，所以这样写在任何设备上都成立
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
on_device = torch.arange(3, device=device)
print("通用写法 .detach().cpu().numpy()：", on_device.detach().cpu().numpy())
