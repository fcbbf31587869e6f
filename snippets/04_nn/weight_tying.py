"""权重绑定（weight tying）：输入嵌入和输出层共用同一个权重矩阵。"""

import torch
from torch import nn

torch.manual_seed(0)


class TinyLM(nn.Module):
    def __init__(self, vocab_size: int, dim: int, tie: bool):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, dim)  # 权重形状 (vocab_size, dim)
        self.head = nn.Linear(dim, vocab_size, bias=False)  # 权重形状同样是 (vocab_size, dim)
        if tie:
            self.head.weight = self.emb.weight  # 赋值同一个 Parameter 对象，而不是复制数值

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        return self.head(self.emb(ids))  # 输出每个词元的 logits


def count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


untied, tied = TinyLM(100, 16, tie=False), TinyLM(100, 16, tie=True)
print("不绑定的参数量：", count(untied))
print("绑定后的参数量：", count(tied), "（parameters() 对同一个参数只给一次）")
print("是同一个对象：", tied.head.weight is tied.emb.weight)
print("state_dict 里仍有两个键：", list(tied.state_dict().keys()))

# 反向传播时，两处用法的梯度加在同一个 .grad 上
ids = torch.tensor([[1, 2, 3]])
tied(ids).sum().backward()
print("梯度只有一份，形状：", tuple(tied.emb.weight.grad.shape))

# 优化器更新一次，两个名字看到的都是新值
opt = torch.optim.SGD(tied.parameters(), lr=0.1)
opt.step()
print("更新后仍然相等：", torch.equal(tied.head.weight, tied.emb.weight))
