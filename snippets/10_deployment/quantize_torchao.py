# 输出容差：abs=0.01
import copy
import io

import torch
from torch import nn
from torchao.quantization import (
    Int8DynamicActivationInt8WeightConfig,
    Int8WeightOnlyConfig,
    quantize_,
)

torch.manual_seed(0)

# 一个小而真实的任务：32 维特征、4 个类别，类中心彼此靠得较近，准确率到不了 100%
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
    """把 state_dict 存进内存里的字节流，看它有多大。"""
    buffer = io.BytesIO()
    torch.save(m.state_dict(), buffer)
    return buffer.tell() / 1024


@torch.inference_mode()
def evaluate(m):
    logits = m(x_test)
    return logits, (logits.argmax(1) == y_test).float().mean().item()


ref_logits, ref_acc = evaluate(model)
print(f"fp32：大小 {size_kb(model):.0f} KB，测试准确率 {ref_acc:.3f}")

configs = {
    "int8 仅权重": Int8WeightOnlyConfig(),
    "int8 动态": Int8DynamicActivationInt8WeightConfig(),
}
for name, config in configs.items():
    quantized = copy.deepcopy(model)
    quantize_(quantized, config)  # 原地把每个 nn.Linear 的权重换成 int8 张量
    logits, acc = evaluate(quantized)
    agree = (logits.argmax(1) == ref_logits.argmax(1)).float().mean().item()
    print(
        f"{name}：大小 {size_kb(quantized):.0f} KB，测试准确率 {acc:.3f}，与 fp32 预测一致 {agree:.3f}"
    )

print(f"量化后第一层的权重类型：{type(quantized[0].weight).__name__}")
