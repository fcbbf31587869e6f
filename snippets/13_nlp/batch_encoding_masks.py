import torch
from torch.nn import functional as F
from torch.nn.utils.rnn import pad_sequence

torch.manual_seed(0)
PAD_ID = 0
vocab = {
    ch: i for i, ch in enumerate("_abcdefghijklmnopqrstuvwxyz ", start=0)
}  # "_" 占 0 号，当 <pad>


def encode_batch(texts, padding_side="right"):
    """仿照 Hugging Face 分词器的返回值：input_ids 与 attention_mask（1 是真实词元，0 是填充）。"""
    ids = [torch.tensor([vocab[c] for c in t]) for t in texts]
    input_ids = pad_sequence(ids, batch_first=True, padding_value=PAD_ID, padding_side=padding_side)
    attention_mask = (input_ids != PAD_ID).long()
    return {"input_ids": input_ids, "attention_mask": attention_mask}


texts = ["hi there", "ok", "good day"]
right = encode_batch(texts, "right")  # 训练、分类时常用右补齐
left = encode_batch(texts, "left")  # 批量生成时用左补齐：每行的最后一列都是真实的最后一个词元
print("右补齐 input_ids：")
print(right["input_ids"])
print("左补齐 attention_mask：")
print(left["attention_mask"])

# 左补齐时位置编号要从第一个真实词元开始数，而不是从第 0 列开始
position_ids = (left["attention_mask"].cumsum(-1) - 1).clamp(min=0)
print("左补齐的 position_ids：")
print(position_ids)

# 把 attention_mask 和因果掩码合成注意力掩码：(批次, 1, 查询, 键)，True 表示可以看
t = left["input_ids"].size(1)
causal = torch.tril(torch.ones(t, t, dtype=torch.bool))
attn_mask = causal & left["attention_mask"].bool()[:, None, None, :]
print("第 2 行（'ok'）的注意力掩码：")
print(attn_mask[1, 0].int())

# 第 2 行开头几个填充位置作为查询时什么都看不到：整行都被屏蔽
x = torch.randn(3, 1, t, 4)
scores = (x @ x.transpose(-2, -1)).masked_fill(~attn_mask, float("-inf"))
print("手写 softmax 在整行屏蔽处出现 NaN：", bool(scores.softmax(-1).isnan().any()))
out = F.scaled_dot_product_attention(x, x, x, attn_mask=attn_mask)
print("F.scaled_dot_product_attention 在这些行的输出：", out[1, 0, 0].tolist())
real = left["attention_mask"].bool()
print("真实词元位置的输出都是有限值：", bool(out[:, 0][real].isfinite().all()))

# 左补齐的好处：下一个词元的 logits 一律取最后一列；右补齐就得按长度去取
lengths = right["attention_mask"].sum(-1)
print("右补齐时每行最后一个真实词元的下标：", (lengths - 1).tolist(), "左补齐时都是", t - 1)
