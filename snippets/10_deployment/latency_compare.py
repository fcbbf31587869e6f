import copy

import onnxruntime as ort
import torch
from torch import nn
from torch.export import Dim
from torch.utils import benchmark
from torchao.quantization import Int8DynamicActivationInt8WeightConfig, quantize_

torch.manual_seed(0)
# Timer 默认用单线程计时；预热与编译也用单线程。线程数是编译结果的守卫条件之一，
# 两处不一致时，计时那一刻会按新的线程数把模型再编译一遍
torch.set_num_threads(1)
model = nn.Sequential(
    nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10)
).eval()
x = torch.randn(16, 64)

# 四种跑法，都包成“输入张量 -> 输出张量”的函数
compiled = torch.compile(model)
torch.onnx.export(
    model,
    (x,),
    "mlp.onnx",
    input_names=["x"],
    dynamic_shapes=({0: Dim("batch")},),
    external_data=False,
    verbose=False,
)
session = ort.InferenceSession("mlp.onnx", providers=["CPUExecutionProvider"])
quantized = copy.deepcopy(model)
quantize_(quantized, Int8DynamicActivationInt8WeightConfig())

runners = {
    "eager": model,
    "torch.compile": compiled,
    "ONNX Runtime": lambda t: torch.from_numpy(session.run(None, {"x": t.numpy()})[0]),
    "int8 动态 + compile": torch.compile(quantized),
}

with torch.inference_mode():
    reference = model(x)
    outputs = {name: run(x) for name, run in runners.items()}  # 顺便完成预热与编译
    medians = {}
    for name, run in runners.items():
        timer = benchmark.Timer(stmt="run(x)", globals={"run": run, "x": x}, label=name)
        medians[name] = timer.blocked_autorange(min_run_time=0.2).median

for name in ("torch.compile", "ONNX Runtime"):
    print(
        f"{name} 与 eager 最大绝对误差 < 1e-4：{(outputs[name] - reference).abs().max().item() < 1e-4}"
    )
agree = (outputs["int8 动态 + compile"].argmax(1) == reference.argmax(1)).float().mean().item()
print(f"int8 与 eager 预测类别一致的比例 > 0.9：{agree > 0.9}")
print("单批耗时，相对 eager（小于 1 表示更快）：")
for name, seconds in medians.items():
    print(f"  {name}：{seconds / medians['eager']:.2f}")
