# 输出容差：abs=0.01
import copy
import io

import torch
from torch import nn
from torchao.quantization import Int8WeightOnlyConfig, quantize_

torch.manual_seed(0)
num_classes, dim = 4, 32
centers = torch.randn(num_classes, dim) * 0.35


def make_data(n):
    y = torch.randint(0, num_classes, (n,))
    return centers[y] + torch.randn(n, dim), y


x_train, y_train = make_data(2000)
x_test, y_test = make_data(2000)
model = nn.Sequential(
    nn.Linear(dim, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, num_classes)
)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for _epoch in range(10):
    for idx in torch.randperm(2000).split(100):
        loss = nn.functional.cross_entropy(model(x_train[idx]), y_train[idx])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
model.eval()


def size_kb(m):
    buffer = io.BytesIO()
    torch.save(m.state_dict(), buffer)
    return buffer.tell() / 1024


def big_linear(module, fqn):
    """filter_fn 的签名：(子模块, 它的全名) -> 是否量化。只量化权重不少于 1 万个的线性层。"""
    return isinstance(module, nn.Linear) and module.weight.numel() >= 10_000


quantized = copy.deepcopy(model)
quantize_(quantized, Int8WeightOnlyConfig(), filter_fn=big_linear)
for name, layer in quantized.named_children():
    if isinstance(layer, nn.Linear):
        print(f"第 {name} 层 {tuple(layer.weight.shape)}：{type(layer.weight).__name__}")

with torch.inference_mode():
    ref, out = model(x_test), quantized(x_test)
acc = (out.argmax(1) == y_test).float().mean().item()
agree = (out.argmax(1) == ref.argmax(1)).float().mean().item()
print(f"大小：{size_kb(model):.0f} KB -> {size_kb(quantized):.0f} KB")
print(f"测试准确率 {acc:.3f}，与 fp32 预测一致 {agree:.3f}")
