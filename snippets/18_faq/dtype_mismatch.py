import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(4, 3)

# 错误一：分类标签用了浮点数（常见于从 NumPy 或 pandas 读进来的标签）
targets = torch.tensor([0.0, 2.0, 1.0, 2.0])
try:
    F.cross_entropy(logits, targets)
except RuntimeError as e:
    print(f"{type(e).__name__}：{str(e).splitlines()[0]}")

# 修正：类别索引必须是整数 torch.long
loss = F.cross_entropy(logits, targets.long())
print(f"交叉熵：{loss.item():.4f}")

# 错误二：整数张量和浮点权重做矩阵乘法（torch.arange、torch.tensor([1, 2]) 默认都是 int64）
x = torch.arange(6).reshape(2, 3)
w = torch.randn(3, 2)
try:
    x @ w
except RuntimeError as e:
    print(f"{type(e).__name__}：{str(e).splitlines()[0]}")

# 修正：输入转成模型参数的 dtype
out = x.to(w.dtype) @ w
print("修正后：", out.dtype, tuple(out.shape))
