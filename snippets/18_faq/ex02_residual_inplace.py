import torch
from torch import nn

torch.manual_seed(0)


class BuggyBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.fc = nn.Linear(dim, dim)

    def forward(self, x):
        out = torch.relu(self.fc(x))
        out += x  # bug：原地加法改掉了 ReLU 的输出，而 ReLU 的反向传播要用它
        return out


class FixedBlock(BuggyBlock):
    def forward(self, x):
        out = torch.relu(self.fc(x))
        return out + x  # 非原地加法：产生新张量，ReLU 的输出保持原样


x = torch.randn(2, 4)
try:
    BuggyBlock(4)(x).sum().backward()
except RuntimeError as e:
    first_line = str(e).splitlines()[0]
    print("异常类型：", type(e).__name__)
    print("被改掉的是 ReLU 的输出：", "output 0 of Relu" in first_line)

torch.manual_seed(0)
block = FixedBlock(4)
block(x).sum().backward()
print(f"修正后 fc.weight 的梯度范数：{block.fc.weight.grad.norm().item():.4f}")
