import torch
from torch import nn
from torch.export import Dim

torch.manual_seed(0)


class Scorer(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        return self.net(x).squeeze(-1)


model = Scorer().eval()
example_inputs = (torch.randn(4, 8),)

# 第 0 维（批大小）声明为动态：给它起个名字，并写明允许的范围
batch = Dim("batch", min=1, max=256)
ep = torch.export.export(model, example_inputs, dynamic_shapes={"x": {0: batch}})
print(f"范围约束：{list(ep.range_constraints.values())}")
x_node = next(n for n in ep.graph.nodes if n.name == "x")
dims = ["动态" if isinstance(d, torch.SymInt) else d for d in x_node.meta["val"].shape]
print(f"x 的形状：{dims}")

runnable = ep.module()
with torch.inference_mode():
    for n in (1, 7, 256):
        x = torch.randn(n, 8)
        ok = torch.allclose(runnable(x), model(x))
        print(f"批大小 {n:>3}：输出形状 {tuple(runnable(x).shape)}，与 eager 一致 {ok}")

    # 超出声明的范围、或者改了没有声明为动态的维度，都会被入口处的检查拦下
    for shape in [(257, 8), (4, 9)]:
        try:
            runnable(torch.randn(*shape))
        except AssertionError as err:
            print(f"输入 {shape}：{err}")

# 动态维度也可以不起名字，让导出器自己推断
auto_ep = torch.export.export(model, example_inputs, dynamic_shapes={"x": {0: Dim.AUTO}})
print(f"Dim.AUTO 推断出的范围：{list(auto_ep.range_constraints.values())}")
try:
    auto_ep.module()(torch.randn(1, 8))
except AssertionError as err:
    print(f"Dim.AUTO 版本遇到批大小 1：{err}")
