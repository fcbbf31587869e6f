"""习题 1：用 profiler 找出模型里哪一部分调用的算子最多、最大的矩阵乘法是什么形状。"""

import torch
from torch import nn
from torch.profiler import profile, record_function


class TokenMixer(nn.Module):
    """故意写得低效：对 16 个位置逐个做线性变换。"""

    def __init__(self, dim):
        super().__init__()
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        return torch.stack([self.proj(x[:, t]) for t in range(x.shape[1])], dim=1)


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(100, 32)
        self.mixer = TokenMixer(32)
        self.head = nn.Linear(16 * 32, 5)

    def forward(self, tokens):
        with record_function("embed"):
            h = self.embed(tokens)
        with record_function("mixer"):
            h = self.mixer(h)
        with record_function("head"):
            return self.head(h.flatten(1))


torch.manual_seed(0)
model = Model()
tokens = torch.randint(0, 100, (64, 16))
with torch.no_grad():
    model(tokens)  # 预热
    with profile(record_shapes=True) as prof:
        model(tokens)


def direct_aten_calls(event):
    """一个区段里直接调用了多少个 aten 算子（不数算子内部再调用的子算子，它们随 CPU 内核而变）。"""
    return sum(child.name.startswith("aten::") for child in event.cpu_children)


regions = {
    e.name: direct_aten_calls(e) for e in prof.events() if e.name in {"embed", "mixer", "head"}
}
for name in ["embed", "mixer", "head"]:
    print(f"{name:<6} 区段里直接调用的 aten 算子：{regions[name]} 次")
print("最可疑的区段：", max(regions, key=regions.get))

addmm = [e for e in prof.key_averages(group_by_input_shape=True) if e.key == "aten::addmm"]
for e in sorted(addmm, key=lambda e: -e.count):
    print(f"aten::addmm 输入形状 {e.input_shapes[:3]}：{e.count} 次")
