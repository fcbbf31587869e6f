import warnings

import torch
from torch import nn

torch.manual_seed(0)


class SignSwitch(nn.Module):
    """输入均值为正时乘 2，否则减 1：分支取决于张量里的数值。"""

    def forward(self, x):
        if x.mean() > 0:
            return x * 2
        return x - 1


def caught(fn):
    """运行 fn，返回它发出的警告类别（去重、按名字排序）。"""
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        result = fn()
    return result, sorted({r.category.__name__ for r in records})


model = SignSwitch()
positive, negative = torch.ones(3), torch.full((3,), -3.0)

# 1. TorchScript 的 trace：只记录示例输入走过的那条路，换个输入就悄悄算错
traced, kinds = caught(lambda: torch.jit.trace(model, (positive,)))
print(f"torch.jit.trace 发出的警告：{kinds}")
print(f"负数输入：eager 得到 {model(negative).tolist()}，trace 得到 {traced(negative).tolist()}")

# 2. TorchScript 的 script 同样已弃用
_, kinds = caught(lambda: torch.jit.script(nn.Linear(2, 2)))
print(f"torch.jit.script 发出的警告：{kinds}")

# 3. 旧的 ONNX 导出器（dynamo=False + dynamic_axes）：基于 TorchScript
linear = nn.Linear(4, 2).eval()
_, kinds = caught(
    lambda: torch.onnx.export(
        linear,
        (torch.randn(1, 4),),
        "legacy.onnx",
        dynamo=False,
        input_names=["x"],
        dynamic_axes={"x": {0: "batch"}},
    )
)
print(f"torch.onnx.export(dynamo=False) 发出的警告：{kinds}")
print(f"torch.onnx.dynamo_export 还在吗：{hasattr(torch.onnx, 'dynamo_export')}")

# 4. torch.ao.quantization 的 eager 量化
_, kinds = caught(
    lambda: torch.ao.quantization.quantize_dynamic(linear, {nn.Linear}, dtype=torch.qint8)
)
print(f"torch.ao.quantization.quantize_dynamic 发出的警告：{kinds}")
