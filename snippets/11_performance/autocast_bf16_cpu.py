"""CPU 上的 bf16 自动混合精度：哪些算子降精度、参数和梯度保持 float32、训练结果几乎不变。"""

import warnings

import torch
from torch import nn

# 三种浮点格式：bf16 的指数位和 float32 一样多，范围相同，只是精度低；fp16 范围小得多
for dtype in [torch.float32, torch.bfloat16, torch.float16]:
    info = torch.finfo(dtype)
    print(f"{str(dtype):<15} 最大 {info.max:.3g}  最小正规数 {info.tiny:.3g}  eps {info.eps:.3g}")
tiny_grad = torch.tensor(1e-8)
print(
    "1e-8 转 fp16：", tiny_grad.half().item(), "，转 bf16：", f"{tiny_grad.bfloat16().item():.3g}"
)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3))
x = torch.randn(8, 20)
target = torch.randint(0, 3, (8,))

with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    hidden = model[0](x)  # 线性层（矩阵乘法）在 bf16 下算
    logits = model(x)
    loss = nn.functional.cross_entropy(logits, target)  # 损失这类对精度敏感的算子保持 float32
loss.backward()  # backward 放在 autocast 外面，自动用与前向相同的精度
print("隐藏层输出：", hidden.dtype, "，logits：", logits.dtype, "，损失：", loss.dtype)
print("参数：", model[0].weight.dtype, "，梯度：", model[0].weight.grad.dtype)


def train(use_bf16):
    torch.manual_seed(1)
    centers = torch.randn(3, 20) * 0.4
    labels = torch.randint(0, 3, (600,))
    data = centers[labels] + torch.randn(600, 20)
    net = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3))
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for _ in range(8):
        for xb, yb in zip(data.split(60), labels.split(60), strict=True):
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=use_bf16):
                loss = nn.functional.cross_entropy(net(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
    with torch.no_grad():
        acc = (net(data).argmax(1) == labels).float().mean().item()
    return loss.item(), acc


for name, flag in [("float32", False), ("bf16 autocast", True)]:
    final_loss, acc = train(flag)
    print(f"{name:<14} 最后一批损失 {final_loss:.2f}，训练集准确率 {acc:.2f}")

# 旧写法 torch.cuda.amp.autocast 已弃用，调用时会发出 FutureWarning
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    torch.cuda.amp.autocast()
print(
    "torch.cuda.amp.autocast 已弃用：", any(issubclass(w.category, FutureWarning) for w in caught)
)
