"""广播：形状不同的张量如何对齐、扩展，何时报错，以及一个容易踩的坑。"""

import torch

# 规则：从最后一维往前逐一对齐；每一对要么相等，要么其中一个是 1（或缺失）
pairs = [
    ((3, 1), (1, 4)),
    ((2, 3, 4), (4,)),
    ((2, 3, 4), (3, 1)),
    ((8, 1, 6, 1), (7, 1, 5)),
    ((5, 4), (1,)),
    ((), (2, 3)),
]
for s1, s2 in pairs:
    print(f"{s1!s:<14} 与 {s2!s:<11} -> {tuple(torch.broadcast_shapes(s1, s2))}")

# 不兼容的情况：尾部维度 3 和 4 既不相等、也都不是 1
for s1, s2 in [((2, 3), (2, 4)), ((4, 3), (4,))]:
    try:
        torch.ones(s1) + torch.ones(s2)
    except RuntimeError as err:
        print(f"{s1!s:<14} 与 {s2!s:<11} -> 报错：{err}")

# 具体算一次：列向量 + 行向量 = 表格
col = torch.tensor([[0], [10], [20]])  # (3, 1)
row = torch.tensor([1, 2, 3, 4])  # (4,) 视为 (1, 4)
print("(3, 1) + (4,) 的结果：")
print(col + row)

# 典型用法：每一列（特征）减去该列均值
torch.manual_seed(0)
data = torch.randn(5, 3)  # 5 个样本，3 个特征
centered = data - data.mean(dim=0)  # (5, 3) - (3,)
print("中心化后每列均值约为 0：", torch.allclose(centered.mean(dim=0), torch.zeros(3), atol=1e-6))

# 坑：(3,) 和 (3, 1) 相加不会报错，而是广播成 (3, 3)
pred = torch.tensor([1.0, 2.0, 3.0])  # (3,)
target = torch.tensor([[1.0], [2.0], [3.0]])  # (3, 1)
diff = pred - target
print("pred (3,) - target (3, 1) 得到形状", tuple(diff.shape), "而不是 (3,)")
print(f"错误的均方误差：{(diff**2).mean().item():.4f}")
print(f"先把形状对齐后的均方误差：{((pred - target.squeeze(1)) ** 2).mean().item():.4f}")

# expand 只是形状变大了：被扩展的维度步幅为 0，不复制数据
small = torch.tensor([[1, 2, 3]])  # (1, 3)
big = small.expand(4, 3)
print(
    "expand(4, 3) 形状",
    tuple(big.shape),
    " 步幅",
    big.stride(),
    " 与原张量共享内存：",
    big.data_ptr() == small.data_ptr(),
)
