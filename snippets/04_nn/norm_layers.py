"""LayerNorm 与 RMSNorm：按每个样本自己的特征归一化，不看批次里的其他样本。"""

import torch
from torch import nn

torch.manual_seed(0)

# (批次, 序列长度, 特征维)：Transformer 里最常见的形状
x = torch.randn(2, 3, 4) * 3 + 5

ln = nn.LayerNorm(4)  # 对最后一维（4 个特征）归一化
rms = nn.RMSNorm(4)
print("LayerNorm 参数：", [(n, tuple(p.shape)) for n, p in ln.named_parameters()])
print("RMSNorm 参数：  ", [(n, tuple(p.shape)) for n, p in rms.named_parameters()])
torch.set_grad_enabled(False)  # 下面只看前向结果，关掉自动微分，打印时就不带 grad_fn

# LayerNorm：每个位置的特征向量减去自己的均值、除以自己的标准差（有偏方差）
y = ln(x)
mean = x.mean(dim=-1, keepdim=True)
var = x.var(dim=-1, unbiased=False, keepdim=True)
manual_ln = (x - mean) / torch.sqrt(var + ln.eps)
print("与手写公式一致：", torch.allclose(y, manual_ln, atol=1e-6))
print("每个位置的均值都约为 0：", bool(y.mean(dim=-1).abs().max() < 1e-5))
print("每个位置的标准差（有偏）：", y.std(dim=-1, unbiased=False).round(decimals=3)[0])

# RMSNorm：不减均值，只除以均方根 sqrt(mean(x²))，少一步运算、少一组参数
z = rms(x)
eps = torch.finfo(x.dtype).eps  # eps=None 时的默认值
manual_rms = x / torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps)
print("RMSNorm 与手写公式一致：", torch.allclose(z, manual_rms, atol=1e-6))
print("RMSNorm 后每个位置的均方根：", z.pow(2).mean(dim=-1).sqrt().round(decimals=3)[0])
print("RMSNorm 不把均值拉到 0，第一个位置的均值：", round(z[0, 0].mean().item(), 2))

# 与批归一化不同：一个样本的结果与同批其他样本无关，训练和评估模式也没有区别
alone = ln(x[:1])
print("单独算第一个样本结果相同：", torch.allclose(alone, y[:1]))
ln.eval()
print("eval() 后结果不变：", torch.equal(ln(x), y))
print("没有缓冲区（没有滑动统计量）：", list(ln.buffers()) == [])
# 恢复默认：同一个解释器里接着运行的代码（比如 Notebook 的下一个单元）不受影响
torch.set_grad_enabled(True)
