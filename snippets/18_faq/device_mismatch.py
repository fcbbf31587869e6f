import torch
from torch import nn

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

# 只有 CPU 时无法真的把模型放到 GPU 上，这里用 meta 设备扮演另一台设备：
# meta 张量只有形状和 dtype、没有数据，足以触发同样的设备检查
model = nn.Linear(3, 2).to("meta")
x = torch.randn(4, 3)  # 数据留在了 CPU 上

try:
    model(x)
except RuntimeError as e:
    print(f"{type(e).__name__}：{str(e).splitlines()[0]}")

# 修正：数据跟着模型走。从模型的参数里读出它所在的设备，而不是到处硬编码 "cuda"
model = nn.Linear(3, 2).to(device)
model_device = next(model.parameters()).device
x = x.to(model_device)
print("模型与数据在同一设备：", x.device == model_device)
print("输出形状：", tuple(model(x).shape))

# 例外：0 维的 CPU 张量可以和任何设备上的张量一起运算（它被当作普通数字）
scale = torch.tensor(2.0)
y = torch.ones(2, device="meta") * scale
print("0 维 CPU 张量参与 meta 运算，结果在：", y.device)
