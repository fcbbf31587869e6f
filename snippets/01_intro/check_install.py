"""装好之后的第一件事：确认 torch 能导入、版本对、能算对一个小例子。"""

import torch

# 版本号可能带本地后缀，例如 2.14.1+cpu、2.14.1+cu128，加号前面才是发行版本
full_version = torch.__version__
release = full_version.split("+")[0]
print("PyTorch 发行版本：", release)
print("与本站锁定的 2.14.1 一致：", release == "2.14.1")

# 有没有可用的加速器（accelerator）。没有 GPU 的机器上这些都是 False，这完全正常
print("CUDA 可用：", torch.cuda.is_available())
print("MPS 可用：", torch.backends.mps.is_available())
print("任意加速器可用：", torch.accelerator.is_available())

# 一个小而确定的计算：解线性方程组 A @ s = b，答案应当是 [1, 2]
A = torch.tensor([[3.0, 1.0], [1.0, 2.0]])
b = torch.tensor([5.0, 5.0])
s = torch.linalg.solve(A, b)
print("解 A @ s = b 得到 s =", s)
print("验证 A @ s 与 b 相等：", torch.allclose(A @ s, b))
