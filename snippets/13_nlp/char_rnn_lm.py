import math
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

text = Path("corpus.txt").read_text(encoding="utf-8")
chars = sorted(set(text))  # 字符级：词表就是语料里出现过的所有字符
stoi = {c: i for i, c in enumerate(chars)}
data = torch.tensor([stoi[c] for c in text])
split = int(0.9 * len(data))
train_ids, val_ids = data[:split], data[split:]  # 按位置切，验证集是最后 10% 的文字
print("字符数：", len(text), "词表大小：", len(chars))


def random_batch(ids, batch_size=32, seq_len=32, generator=None):
    """随机截取 batch_size 段文字；目标是输入整体右移一位：用前面的字符预测下一个。"""
    starts = torch.randint(len(ids) - seq_len - 1, (batch_size,), generator=generator)
    x = torch.stack([ids[s : s + seq_len] for s in starts])
    y = torch.stack([ids[s + 1 : s + seq_len + 1] for s in starts])
    return x.to(device), y.to(device)


class CharGRU(nn.Module):
    def __init__(self, vocab_size, dim=32, hidden=64):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim)
        self.gru = nn.GRU(dim, hidden, batch_first=True)
        self.head = nn.Linear(hidden, vocab_size)

    def forward(self, x, h=None):
        out, h = self.gru(self.embed(x), h)  # out: (批次, 时间, hidden)，每个时间步都预测
        return self.head(out), h


@torch.inference_mode()
def perplexity(model, ids, seq_len=64):
    """把整段文字切成不重叠的小段，平均交叉熵取 exp 就是困惑度。"""
    model.eval()
    n = (len(ids) - 1) // seq_len * seq_len
    x = ids[:n].view(-1, seq_len).to(device)
    y = ids[1 : n + 1].view(-1, seq_len).to(device)
    logits, _ = model(x)
    return math.exp(F.cross_entropy(logits.flatten(0, 1), y.flatten()).item())


model = CharGRU(len(chars)).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
batch_gen = torch.Generator().manual_seed(0)
print(f"训练前：验证困惑度 {perplexity(model, val_ids):.1f}（均匀猜测是 {len(chars)}）")
for step in range(1, 151):
    model.train()
    x, y = random_batch(train_ids, generator=batch_gen)
    logits, _ = model(x)
    loss = F.cross_entropy(logits.flatten(0, 1), y.flatten())
    optimizer.zero_grad()
    loss.backward()
    nn.utils.clip_grad_norm_(model.parameters(), 1.0)  # RNN 常用梯度裁剪防止梯度爆炸
    optimizer.step()
    if step % 30 == 0:
        train_ppl, val_ppl = perplexity(model, train_ids), perplexity(model, val_ids)
        print(f"步 {step}：训练困惑度 {train_ppl:.2f}  验证困惑度 {val_ppl:.2f}")


@torch.inference_mode()
def sample(model, prompt, n_chars, temperature, generator):
    model.eval()
    x = torch.tensor([[stoi[c] for c in prompt]], device=device)
    logits, h = model(x)  # 先把提示读进隐状态
    out = []
    for _ in range(n_chars):
        probs = F.softmax(logits[0, -1] / temperature, dim=-1)  # 温度越低，分布越尖
        next_id = torch.multinomial(probs.cpu(), 1, generator=generator)
        out.append(chars[next_id.item()])
        logits, h = model(next_id.view(1, 1).to(device), h)  # 只喂新字符，隐状态接着往下传
    return prompt + "".join(out)


for t in (0.5, 1.0, 1.5):
    g = torch.Generator().manual_seed(42)  # 采样用独立的生成器，结果可以复现
    print(f"温度 {t}：{sample(model, 'the robot ', 60, t, g)!r}")
