import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

EOW = "</w>"  # 词尾标记：区分出现在词尾的 "er" 与词中间的 "er"


def pre_tokenize(text):
    """先按空格和标点切成单词：BPE 只在单词内部合并，不跨越单词边界。"""
    return re.findall(r"[a-z]+|[^a-z\s]", text.lower())


def get_pair_counts(word_freqs):
    pairs = Counter()
    for symbols, freq in word_freqs.items():
        for pair in pairwise(symbols):
            pairs[pair] += freq  # 一个单词出现几次，它里面的相邻对就计几次
    return pairs


def merge_pair(symbols, pair):
    merged, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            merged.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            merged.append(symbols[i])
            i += 1
    return tuple(merged)


def train_bpe(text, num_merges):
    word_counts = Counter(pre_tokenize(text))
    # 每个单词先拆成单个字符，末尾加词尾标记
    word_freqs = {tuple(w) + (EOW,): c for w, c in word_counts.items()}
    merges = []
    for _ in range(num_merges):
        pairs = get_pair_counts(word_freqs)
        if not pairs:
            break
        # 出现次数最多的相邻对；次数相同时取字典序最小的，保证结果确定
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append((best, pairs[best]))
        word_freqs = {merge_pair(s, best): f for s, f in word_freqs.items()}
    return merges


def encode_word(word, ranks):
    """按训练时的先后顺序合并：每次挑出排名最靠前（最早学到）的相邻对。"""
    symbols = tuple(word) + (EOW,)
    while len(symbols) > 1:
        candidates = [p for p in pairwise(symbols) if p in ranks]
        if not candidates:
            break
        symbols = merge_pair(symbols, min(candidates, key=ranks.get))
    return list(symbols)


def encode(text, ranks):
    return [tok for word in pre_tokenize(text) for tok in encode_word(word, ranks)]


text = Path("corpus.txt").read_text(encoding="utf-8")
merges = train_bpe(text, num_merges=200)
ranks = {pair: i for i, (pair, _) in enumerate(merges)}
base = sorted({c for w in pre_tokenize(text) for c in w} | {EOW})
vocab = base + ["".join(pair) for pair, _ in merges]
print("初始符号数：", len(base), "合并 200 次后的词表大小：", len(vocab))
print("最早的 10 次合并：")
for i, ((a, b), count) in enumerate(merges[:10], start=1):
    print(f"  {i:2d}. {a!r} + {b!r} -> {a + b!r}（{count} 次）")
print("最后 5 次合并：", ["".join(pair) for pair, _ in merges[-5:]])

for sentence in ["the robot waters the flowers", "gardeners remember mistakes", "pytorch"]:
    print(f"{sentence!r} -> {encode(sentence, ranks)}")

words = pre_tokenize(text)
n_tokens = len(encode(text, ranks))
print(
    f"整篇语料：{len(words)} 个单词，字符级 {sum(len(w) + 1 for w in words)} 个符号，BPE {n_tokens} 个词元"
)
