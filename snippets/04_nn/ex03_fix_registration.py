import torch
from torch import nn


class BrokenNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = [nn.Linear(16, 16) for _ in range(3)]  # 普通 list：不登记
        self.heads = {"a": nn.Linear(16, 1), "b": nn.Linear(16, 2)}  # 普通 dict：不登记
        self.offset = torch.ones(16)  # 普通张量属性：不进 state_dict，不随 .to() 移动

    def forward(self, x, head):
        for block in self.blocks:
            x = torch.relu(block(x))
        return self.heads[head](x + self.offset)


class FixedNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.blocks = nn.ModuleList(nn.Linear(16, 16) for _ in range(3))
        self.heads = nn.ModuleDict({"a": nn.Linear(16, 1), "b": nn.Linear(16, 2)})
        self.register_buffer("offset", torch.ones(16))

    def forward(self, x, head):
        for block in self.blocks:
            x = torch.relu(block(x))
        return self.heads[head](x + self.offset)


def report(model: nn.Module) -> None:
    n = sum(p.numel() for p in model.parameters())
    print(f"{type(model).__name__}：参数量 {n}，state_dict 键 {len(model.state_dict())} 个")


torch.manual_seed(0)
broken = BrokenNet()
torch.manual_seed(0)
fixed = FixedNet()
report(broken)
report(fixed)
print("FixedNet 的键：", list(fixed.state_dict().keys()))

# 后果：优化器根本拿不到 BrokenNet 的参数
try:
    torch.optim.SGD(broken.parameters(), lr=0.1)
except ValueError as e:
    print("给 BrokenNet 建优化器：", e)

# 修好之后训练一步，参数确实更新了
opt = torch.optim.SGD(fixed.parameters(), lr=0.1)
x, target = torch.randn(8, 16), torch.randn(8, 2)
before = {name: p.clone() for name, p in fixed.named_parameters()}
loss = nn.functional.mse_loss(fixed(x, "b"), target)
loss.backward()
opt.step()
changed = [name for name, p in fixed.named_parameters() if not torch.equal(before[name], p)]
print("训练一步后被更新的参数：", changed)  # 头 a 没参与这次前向传播，所以没有梯度
