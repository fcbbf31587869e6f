import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

EOW = "</w>"


def pre_tokenize(text):
    return re.findall(r"[a-z]+|[^a-z\s]", text.lower())


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


def train_bpe(words, num_merges):
    word_freqs = {tuple(w) + (EOW,): c for w, c in Counter(words).items()}
    merges = []
    for _ in range(num_merges):
        pairs = Counter()
        for symbols, freq in word_freqs.items():
            for pair in pairwise(symbols):
                pairs[pair] += freq
        if not pairs:
            break
        best = min(pairs, key=lambda p: (-pairs[p], p))
        merges.append(best)
        word_freqs = {merge_pair(s, best): f for s, f in word_freqs.items()}
    return merges


def encode_word(word, ranks):
    symbols = tuple(word) + (EOW,)
    while len(symbols) > 1:
        candidates = [p for p in pairwise(symbols) if p in ranks]
        if not candidates:
            break
        symbols = merge_pair(symbols, min(candidates, key=ranks.get))
    return symbols


def decode(tokens):
    """词元直接拼起来，词尾标记换成空格：BPE 的解码是无损的。"""
    return "".join(tokens).replace(EOW, " ").strip()


words = pre_tokenize(Path("corpus.txt").read_text(encoding="utf-8"))
split = int(0.9 * len(words))
train_words, val_words = words[:split], words[split:]
base = {c for w in train_words for c in w} | {EOW}
merges = train_bpe(train_words, 400)  # 只训练一次：前 n 次合并就是 n 次合并的结果
print(" 合并次数  词表大小  验证集词元数  平均每词词元数")
for n in (0, 25, 100, 200, 400):
    ranks = {pair: i for i, pair in enumerate(merges[:n])}
    tokens = [t for w in val_words for t in encode_word(w, ranks)]
    print(f"{n:8d}  {len(base) + n:8d}  {len(tokens):12d}  {len(tokens) / len(val_words):14.2f}")

ranks = {pair: i for i, pair in enumerate(merges)}
sample = val_words[:12]
tokens = [t for w in sample for t in encode_word(w, ranks)]
print("解码还原：", decode(tokens) == " ".join(sample))
unseen = [w for w in set(val_words) if w not in set(train_words)]
print("验证集里训练时没见过的单词：", len(unseen), "个，例如", sorted(unseen)[:3])
print("它们也能编码，不需要 <unk>：", [list(encode_word(w, ranks)) for w in sorted(unseen)[:2]])
