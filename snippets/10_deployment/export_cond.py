import torch
from torch import nn

torch.manual_seed(0)


class PythonIf(nn.Module):
    """按输入的均值选分支：用的是普通 Python if，取决于张量里的数值。"""

    def forward(self, x):
        if x.mean() > 0:
            return x * 2
        return x - 1


class WithCond(nn.Module):
    """同样的逻辑，用 torch.cond 写：两个分支都进图，运行时再选。"""

    def forward(self, x):
        return torch.cond(x.mean() > 0, lambda t: t * 2, lambda t: t - 1, (x,))


example_inputs = (torch.randn(3),)
try:
    torch.export.export(PythonIf(), example_inputs)
except Exception as err:  # noqa: BLE001
    print(f"Python if 导出失败：{type(err).__name__}")

ep = torch.export.export(WithCond(), example_inputs)
ops = [n.target.__name__ for n in ep.graph.nodes if n.op == "call_function"]
print(f"顶层图里的算子：{ops}")
print(f"两个分支被存成子图：{sorted(name for name, _ in ep.graph_module.named_children())}")

torch.export.save(ep, "cond_model.pt2")
runnable = torch.export.load("cond_model.pt2").module()
for x in (torch.tensor([1.0, 2.0, 3.0]), torch.tensor([-1.0, -2.0, -3.0])):
    print(
        f"输入 {x.tolist()} -> {runnable(x).tolist()}，与 eager 一致 {torch.equal(runnable(x), PythonIf()(x))}"
    )
