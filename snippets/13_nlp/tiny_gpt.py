import math
from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
# 本站要求输出在不同 CPU 上逐字相同。float32 训练几百步后，不同指令集的舍入差异会被放大到
# 权重的百分之一左右，足以改变采样出的字符；所以在 CPU 上改用 float64。自己用时可以删掉这两行
if device.type == "cpu":
    torch.set_default_dtype(torch.float64)

text = Path("corpus.txt").read_text(encoding="utf-8")
chars = sorted(set(text))
stoi = {c: i for i, c in enumerate(chars)}
data = torch.tensor([stoi[c] for c in text])
split = int(0.9 * len(data))
train_ids, val_ids = data[:split], data[split:]
BLOCK = 32  # 上下文长度：模型一次最多看 32 个字符


class CausalSelfAttention(nn.Module):
    def __init__(self, d_model, n_heads, dropout):
        super().__init__()
        self.n_heads, self.dropout = n_heads, dropout
        # 一次算出 Q、K、V。不要偏置：K 的偏置对 softmax 没有任何影响，梯度理论上是 0，
        # 实际只剩舍入噪声，AdamW 会把噪声放大成整步更新（第 7 章讲过同样的坑）
        self.qkv = nn.Linear(d_model, 3 * d_model, bias=False)
        self.proj = nn.Linear(d_model, d_model)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).split(d, dim=2)
        # (b, t, d) -> (b, 头数, t, 每头维度)：每个头在自己的子空间里做注意力
        q, k, v = (z.view(b, t, self.n_heads, d // self.n_heads).transpose(1, 2) for z in (q, k, v))
        y = F.scaled_dot_product_attention(
            q, k, v, is_causal=True, dropout_p=self.dropout if self.training else 0.0
        )
        return self.proj(y.transpose(1, 2).reshape(b, t, d))  # 把各头拼回 d 维


class Block(nn.Module):
    """前置层归一化（pre-norm）的 Transformer 块：x + 注意力(LN(x))，再 x + MLP(LN(x))。"""

    def __init__(self, d_model, n_heads, dropout):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.attn = CausalSelfAttention(d_model, n_heads, dropout)
        self.mlp = nn.Sequential(
            nn.Linear(d_model, 4 * d_model),
            nn.GELU(),
            nn.Linear(4 * d_model, d_model),
            nn.Dropout(dropout),
        )

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class TinyGPT(nn.Module):
    def __init__(self, vocab_size, d_model=48, n_heads=4, n_layers=2, dropout=0.0):
        super().__init__()
        self.tok_emb = nn.Embedding(vocab_size, d_model)
        self.pos_emb = nn.Embedding(BLOCK, d_model)  # 可学习的位置嵌入（GPT-2 的做法）
        self.blocks = nn.Sequential(*[Block(d_model, n_heads, dropout) for _ in range(n_layers)])
        self.ln_f = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab_size, bias=False)
        self.head.weight = self.tok_emb.weight  # 权重绑定：输出层与输入嵌入共用一张表
        for module in self.modules():  # GPT-2 式初始化：小的正态分布，偏置为 0
            if isinstance(module, (nn.Linear, nn.Embedding)):
                nn.init.normal_(module.weight, std=0.02)
            if isinstance(module, nn.Linear) and module.bias is not None:
                nn.init.zeros_(module.bias)

    def forward(self, idx):
        pos = torch.arange(idx.size(1), device=idx.device)
        x = self.tok_emb(idx) + self.pos_emb(pos)
        return self.head(self.ln_f(self.blocks(x)))  # (批次, 时间, 词表大小)


def random_batch(ids, generator, batch_size=8):
    starts = torch.randint(len(ids) - BLOCK - 1, (batch_size,), generator=generator)
    x = torch.stack([ids[s : s + BLOCK] for s in starts])
    y = torch.stack([ids[s + 1 : s + BLOCK + 1] for s in starts])
    return x.to(device), y.to(device)


@torch.inference_mode()
def val_loss(model):
    model.eval()
    n = (len(val_ids) - 1) // BLOCK * BLOCK
    x = val_ids[:n].view(-1, BLOCK).to(device)
    y = val_ids[1 : n + 1].view(-1, BLOCK).to(device)
    return F.cross_entropy(model(x).flatten(0, 1), y.flatten()).item()


model = TinyGPT(len(chars)).to(device)
print("参数量：", sum(p.numel() for p in model.parameters()))
optimizer = torch.optim.AdamW(model.parameters(), lr=5e-3, weight_decay=0.01)
gen = torch.Generator().manual_seed(0)
history = {"train": [], "val_step": [], "val": []}
for step in range(1, 201):
    model.train()
    x, y = random_batch(train_ids, gen)
    loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    history["train"].append(loss.item())
    if step % 20 == 0:
        v = val_loss(model)
        history["val_step"].append(step)
        history["val"].append(v)
        if step % 40 == 0:
            print(
                f"步 {step}：训练损失 {loss.item():.2f}  验证损失 {v:.2f}  验证困惑度 {math.exp(v):.2f}"
            )


@torch.inference_mode()
def generate(model, prompt, n_chars, temperature=0.8, top_k=None, generator=None):
    model.eval()
    idx = torch.tensor([[stoi[c] for c in prompt]], device=device)
    for _ in range(n_chars):
        logits = model(idx[:, -BLOCK:])[0, -1] / temperature  # 只看最后 BLOCK 个字符
        if top_k is not None:  # 只在概率最高的 k 个字符里抽
            kth = logits.topk(top_k).values[-1]
            logits = logits.masked_fill(logits < kth, float("-inf"))
        next_id = torch.multinomial(logits.softmax(-1).cpu(), 1, generator=generator)
        idx = torch.cat([idx, next_id.view(1, 1).to(device)], dim=1)
    return "".join(chars[i] for i in idx[0].tolist())


g = torch.Generator().manual_seed(42)
print(repr(generate(model, "the bird ", 80, temperature=0.8, top_k=10, generator=g)))

plt.figure(figsize=(6, 3.6))
plt.plot(range(1, len(history["train"]) + 1), history["train"], lw=0.8, label="train (per batch)")
plt.plot(history["val_step"], history["val"], "s-", label="validation")
plt.axhline(math.log(len(chars)), color="gray", ls="--", label="uniform guess")
plt.xlabel("step")
plt.ylabel("cross-entropy loss")
plt.title("tiny decoder-only Transformer on corpus.txt")
plt.legend()
plt.tight_layout()
plt.savefig("tiny_gpt_loss.png", dpi=100)
