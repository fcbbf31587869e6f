import torch
from torch import nn

torch.manual_seed(0)


class Standardize(nn.Module):
    """把输入减均值、除标准差后再过一个线性层。

    - scale：可学习的缩放，用 nn.Parameter，会出现在 parameters() 里被优化器更新
    - mean / std：从训练数据算出的常量，用 register_buffer，随模型保存、随 .to() 搬家，但不训练
    - cache：临时结果，persistent=False，不写进 state_dict
    """

    def __init__(self, mean: torch.Tensor, std: torch.Tensor):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(mean.shape))
        self.register_buffer("mean", mean.clone())
        self.register_buffer("std", std.clone())
        self.register_buffer("cache", torch.zeros(mean.shape), persistent=False)
        self.fc = nn.Linear(mean.numel(), 2)
        self.plain_tensor = torch.zeros(3)  # 普通属性：模块完全不管它

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        z = (x - self.mean) / self.std * self.scale
        self.cache = z.detach().mean(dim=0)
        return self.fc(z)


m = Standardize(mean=torch.tensor([1.0, 2.0, 3.0]), std=torch.tensor([0.5, 1.0, 2.0]))
print("parameters:", [n for n, _ in m.named_parameters()])
print("buffers:   ", [n for n, _ in m.named_buffers()])
print("state_dict:", list(m.state_dict().keys()))
print("buffer 需要梯度吗：", m.mean.requires_grad)

# .to() 会转换参数和缓冲区，普通张量属性被落下
m = m.to(torch.float64)
print(
    "转成 float64 后 mean：",
    m.mean.dtype,
    " cache:",
    m.cache.dtype,
    " plain_tensor:",
    m.plain_tensor.dtype,
)
m = m.float()

m(torch.tensor([[1.0, 2.0, 3.0], [2.0, 3.0, 5.0]]))
print("前向后 cache：", m.cache)

# 加载 state_dict：键必须对得上（strict=True 为默认值）
m2 = Standardize(mean=torch.zeros(3), std=torch.ones(3))
m2.load_state_dict(m.state_dict())
print("加载后 m2.mean：", m2.mean)

broken = {k: v for k, v in m.state_dict().items() if k != "std"}
result = m2.load_state_dict(broken, strict=False)  # strict=False 时返回缺少/多余的键
print("缺少的键：", result.missing_keys, " 多余的键：", result.unexpected_keys)
