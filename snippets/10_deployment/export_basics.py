import inspect

import torch
from torch import nn

torch.manual_seed(0)


class TinyClassifier(nn.Module):
    """4 个特征 -> 3 类；先用缓冲区里的均值做中心化，再过两层线性层。"""

    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor([5.8, 3.0, 3.8, 1.2]))
        self.net = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 3))

    def forward(self, x):
        return self.net(x - self.mean)


model = TinyClassifier().eval()
example_inputs = (torch.randn(2, 4),)  # 示例输入：导出时用它来追踪一遍 forward

strict_default = inspect.signature(torch.export.export).parameters["strict"].default
print(f"torch.export.export 的 strict 默认值：{strict_default}")
ep = torch.export.export(model, example_inputs)
print(f"导出结果的类型：{type(ep).__name__}")

# 1. 计算图：只剩 ATen 算子，没有 Python 控制流，也没有 nn.Module
print("图里的算子：")
for node in ep.graph.nodes:
    if node.op == "call_function":
        print(f"  {node.name:<9} = {node.target}")

# 2. 图签名：哪些输入是参数、缓冲区，哪些是用户输入
print("图的输入：")
for spec in ep.graph_signature.input_specs:
    print(f"  {spec.arg.name:<15} {spec.kind.name:<10} {spec.target}")
x_input = next(n for n in ep.graph.nodes if n.op == "placeholder" and n.name == "x")
print(f"x 在图里的形状：{tuple(x_input.meta['val'].shape)}")

# 3. 保存成 .pt2，再在不需要 TinyClassifier 类定义的地方加载
torch.export.save(ep, "tiny_classifier.pt2")
loaded = torch.export.load("tiny_classifier.pt2")
runnable = loaded.module()  # 变回一个可以调用的模块
x = torch.randn(2, 4)
with torch.inference_mode():
    same = torch.allclose(runnable(x), model(x))
print(f"加载后与 eager 结果一致：{same}")

# 4. 没有声明动态形状时，批大小被固定成示例输入的 2
try:
    runnable(torch.randn(5, 4))
except Exception as err:  # noqa: BLE001
    print(f"换成批大小 5：{type(err).__name__}: {str(err).splitlines()[0]}")
