import numpy as np
import onnx
import onnxruntime as ort
import torch
from torch import nn
from torch.export import Dim

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3)).eval()
example_inputs = (torch.randn(4, 20),)

# dynamo=True（默认值）：先用 torch.export 拿到计算图，再翻译成 ONNX
onnx_program = torch.onnx.export(
    model,
    example_inputs,
    "classifier.onnx",
    dynamo=True,
    input_names=["features"],
    output_names=["logits"],
    dynamic_shapes=({0: Dim("batch", min=1, max=1024)},),
    external_data=False,  # 小模型：权重直接写进 .onnx 文件
    verbose=False,
)
print(f"返回值类型：{type(onnx_program).__name__}")

# 用 onnx 包检查文件是否合法，并读出输入输出的名字与形状
proto = onnx.load("classifier.onnx")
onnx.checker.check_model(proto, full_check=True)
print("onnx.checker：通过")
print(f"opset 版本：{proto.opset_import[0].version}")


def shape_of(value_info):
    return [d.dim_param or d.dim_value for d in value_info.type.tensor_type.shape.dim]


for v in proto.graph.input:
    print(f"输入 {v.name}：{shape_of(v)}")
for v in proto.graph.output:
    print(f"输出 {v.name}：{shape_of(v)}")
print(f"图里的节点：{[node.op_type for node in proto.graph.node]}")

# ONNX Runtime 在 CPU 上推理，与 PyTorch eager 的结果逐批比较
session = ort.InferenceSession("classifier.onnx", providers=["CPUExecutionProvider"])
print(f"执行提供者：{session.get_providers()}")
for n in (1, 37):
    x = torch.randn(n, 20)
    (logits,) = session.run(None, {"features": x.numpy()})
    with torch.inference_mode():
        expected = model(x).numpy()
    max_diff = float(np.abs(logits - expected).max())
    print(f"批大小 {n:>2}：输出 {logits.shape}，最大绝对误差 < 1e-5：{max_diff < 1e-5}")
