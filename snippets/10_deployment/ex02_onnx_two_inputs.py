import numpy as np
import onnx
import onnxruntime as ort
import torch
from torch import nn
from torch.export import Dim

torch.manual_seed(0)


class TabularModel(nn.Module):
    """6 个数值特征 + 1 个类别编号（0~9），类别先查嵌入表，再和数值特征拼接。"""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 4)
        self.head = nn.Sequential(nn.Linear(6 + 4, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, numeric, category):
        return self.head(torch.cat([numeric, self.embed(category)], dim=1))


model = TabularModel().eval()
batch = Dim("batch", min=1, max=512)  # 同一个 Dim 对象：两个输入的批大小必须相等
torch.onnx.export(
    model,
    (torch.randn(4, 6), torch.randint(0, 10, (4,))),
    "tabular.onnx",
    input_names=["numeric", "category"],
    output_names=["score"],
    dynamic_shapes={"numeric": {0: batch}, "category": {0: batch}},
    external_data=False,
    verbose=False,
)
proto = onnx.load("tabular.onnx")
onnx.checker.check_model(proto)
for v in proto.graph.input:
    dtype = onnx.TensorProto.DataType.Name(v.type.tensor_type.elem_type)
    dims = [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    print(f"输入 {v.name}：{dtype} {dims}")

session = ort.InferenceSession("tabular.onnx", providers=["CPUExecutionProvider"])
for n in (1, 5, 300):
    numeric, category = torch.randn(n, 6), torch.randint(0, 10, (n,))
    (score,) = session.run(None, {"numeric": numeric.numpy(), "category": category.numpy()})
    with torch.inference_mode():
        expected = model(numeric, category).numpy()
    print(f"批大小 {n:>3}：最大绝对误差 < 1e-5：{float(np.abs(score - expected).max()) < 1e-5}")
