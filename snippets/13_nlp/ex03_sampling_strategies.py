import torch

torch.set_printoptions(precision=3, sci_mode=False)
vocab = ["the", "a", "robot", "tree", "bird", "sky"]
logits = torch.tensor([3.0, 2.5, 2.0, 1.0, 0.0, -1.0])


def top_k_filter(logits, k):
    kth = logits.topk(k).values[-1]
    return logits.masked_fill(logits < kth, float("-inf"))


def top_p_filter(logits, p):
    """核采样（nucleus sampling）：按概率从大到小累加，保留累计概率刚好达到 p 的最小集合。"""
    probs, order = logits.softmax(-1).sort(descending=True)
    cum = probs.cumsum(-1)
    drop = cum - probs >= p  # 加上它之前累计概率已经够 p 了，它就不需要
    filtered = torch.full_like(logits, float("-inf"))
    filtered[order[~drop]] = logits[order[~drop]]
    return filtered


strategies = {
    "温度 1.0": logits,
    "温度 0.5": logits / 0.5,
    "温度 2.0": logits / 2.0,
    "top-k=3": top_k_filter(logits, 3),
    "top-p=0.7": top_p_filter(logits, 0.7),
}
print("贪心解码永远选：", vocab[logits.argmax().item()])
for name, z in strategies.items():
    probs = z.softmax(-1)
    g = torch.Generator().manual_seed(0)
    counts = torch.bincount(
        torch.multinomial(probs, 1000, replacement=True, generator=g), minlength=6
    )
    print(f"{name:9s} 概率 {probs}  1000 次抽样 {counts.tolist()}")
