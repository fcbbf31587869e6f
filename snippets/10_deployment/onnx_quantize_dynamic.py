# 输出容差：abs=0.01
import numpy as np
import onnx
import onnxruntime as ort
import torch
from onnx import numpy_helper
from onnxruntime.quantization import QuantType, quant_pre_process, quantize_dynamic
from torch import nn
from torch.export import Dim

torch.manual_seed(0)

# 与 torchao 示例相同的数据和模型，好对照
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

torch.onnx.export(
    model,
    (x_test[:4],),
    "model_fp32.onnx",
    input_names=["features"],
    output_names=["logits"],
    dynamic_shapes=({0: Dim("batch")},),
    external_data=False,
    verbose=False,
)

# 第 1 步：预处理（形状推断 + 图优化），让量化器看到完整的形状信息
quant_pre_process("model_fp32.onnx", "model_prep.onnx")
# 第 2 步：动态量化：权重离线转成 int8，激活值的缩放系数在推理时按批计算
quantize_dynamic("model_prep.onnx", "model_int8.onnx", weight_type=QuantType.QInt8)


def run(path):
    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    (logits,) = session.run(None, {"features": x_test.numpy()})
    return logits


ref = run("model_fp32.onnx")
labels = y_test.numpy()
for path in ("model_fp32.onnx", "model_int8.onnx"):
    logits = run(path)
    acc = float((logits.argmax(1) == labels).mean())
    agree = float((logits.argmax(1) == ref.argmax(1)).mean())
    # 只数权重（initializer）的字节：文件里还有导出时记下的调用栈等元数据，大小随安装路径而变
    graph = onnx.load(path).graph
    weights = sum(numpy_helper.to_array(t).nbytes for t in graph.initializer) / 1024
    print(f"{path}：权重 {weights:.0f} KB，测试准确率 {acc:.3f}，与 fp32 预测一致 {agree:.3f}")

ops = sorted({node.op_type for node in onnx.load("model_int8.onnx").graph.node})
print(f"量化后图里的算子种类：{ops}")
print(f"int8 输出仍是 float32：{run('model_int8.onnx').dtype == np.float32}")
