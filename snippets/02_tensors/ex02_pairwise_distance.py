"""习题 2 参考答案：用广播一次算出两组点之间的全部欧氏距离，并与 torch.cdist 对照。"""

import torch

torch.manual_seed(0)
a = torch.randn(4, 2)  # 4 个二维点
b = torch.randn(3, 2)  # 3 个二维点

# (4, 1, 2) - (1, 3, 2) -> (4, 3, 2)：每一对点的坐标差
diff = a[:, None, :] - b[None, :, :]
print("坐标差的形状：", tuple(diff.shape))
dist = diff.pow(2).sum(dim=-1).sqrt()  # 沿最后一维（坐标）求和 -> (4, 3)
print("距离矩阵形状：", tuple(dist.shape))
print(dist.round(decimals=4))

print("与 torch.cdist 一致：", torch.allclose(dist, torch.cdist(a, b), atol=1e-6))

# 每个 a 中的点离 b 中哪个点最近
nearest = dist.argmin(dim=1)
print("最近点的下标：", nearest)
print("最近距离：    ", dist.gather(1, nearest[:, None]).squeeze(1).round(decimals=4))
