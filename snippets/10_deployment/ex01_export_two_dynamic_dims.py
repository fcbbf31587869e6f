import torch
from torch import nn
from torch.export import Dim

torch.manual_seed(0)


class SequencePooler(nn.Module):
    """输入 (批大小, 序列长度, 8)：先对序列维求平均，再分类。"""

    def __init__(self):
        super().__init__()
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        return self.head(x.mean(dim=1))


model = SequencePooler().eval()
batch = Dim("batch", min=1, max=32)
seq = Dim("seq", min=1, max=128)
ep = torch.export.export(model, (torch.randn(4, 10, 8),), dynamic_shapes={"x": {0: batch, 1: seq}})
print(f"范围约束：{sorted(str(r) for r in ep.range_constraints.values())}")

runnable = ep.module()
with torch.inference_mode():
    for shape in [(1, 1, 8), (3, 57, 8), (32, 128, 8), (2, 200, 8)]:
        x = torch.randn(*shape)
        try:
            ok = torch.allclose(runnable(x), model(x))
            print(f"输入 {shape}：与 eager 一致 {ok}")
        except AssertionError as err:
            print(f"输入 {shape}：被拒绝，{err}")
