import math
from collections import Counter
from itertools import pairwise
from pathlib import Path

text = Path("corpus.txt").read_text(encoding="utf-8")
chars = sorted(set(text))
split = int(0.9 * len(text))  # 与正文的字符级语言模型相同的划分
train, val = text[:split], text[split:]
V = len(chars)

# 一元模型：只看字符本身出现的频率（加一平滑，没见过的字符也有一点概率）
uni = Counter(train)


def p_uni(c):
    return (uni[c] + 1) / (len(train) + V)


# 二元模型：看前一个字符，P(c | prev) = (count(prev, c) + 1) / (count(prev) + V)
bi = Counter(pairwise(train))
prev_count = Counter(train[:-1])


def p_bi(prev, c):
    return (bi[(prev, c)] + 1) / (prev_count[prev] + V)


def perplexity(log_probs):
    return math.exp(-sum(log_probs) / len(log_probs))


print(f"均匀分布：{V}")
print(f"一元模型：{perplexity([math.log(p_uni(c)) for c in val[1:]]):.2f}")
print(f"二元模型：{perplexity([math.log(p_bi(a, b)) for a, b in pairwise(val)]):.2f}")
print(f"二元模型在训练集上：{perplexity([math.log(p_bi(a, b)) for a, b in pairwise(train)]):.2f}")
