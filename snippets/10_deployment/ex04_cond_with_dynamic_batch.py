import torch
from torch import nn
from torch.export import Dim

torch.manual_seed(0)


class SafeScorer(nn.Module):
    """整批里有绝对值超过 10 的数时，先把整批缩放到 [-1, 1]，否则原样送进线性层。"""

    def __init__(self):
        super().__init__()
        self.linear = nn.Linear(4, 1)

    def forward(self, x):
        x = torch.cond(
            x.abs().max() > 10,
            lambda t: t / t.abs().max(),
            lambda t: t.clone(),  # 分支的输出不能和输入是同一个张量，所以 clone
            (x,),
        )
        return self.linear(x)


model = SafeScorer().eval()
ep = torch.export.export(
    model, (torch.randn(3, 4),), dynamic_shapes={"x": {0: Dim("batch", min=1, max=64)}}
)
torch.export.save(ep, "safe_scorer.pt2")
runnable = torch.export.load("safe_scorer.pt2").module()

with torch.inference_mode():
    for name, x in [("普通输入", torch.randn(5, 4)), ("含离群值", torch.randn(2, 4) * 100)]:
        same = torch.allclose(runnable(x), model(x))
        print(
            f"{name} {tuple(x.shape)}：走缩放分支 {bool(x.abs().max() > 10)}，与 eager 一致 {same}"
        )
