from collections import Counter

import torch

PAD, UNK, BOS, EOS = "<pad>", "<unk>", "<bos>", "<eos>"


class Vocab:
    """词表：词元 <-> 编号。特殊词元放在最前面，<pad> 固定是 0 号。"""

    def __init__(self, token_lists, min_freq=1, specials=(PAD, UNK, BOS, EOS)):
        counter = Counter(tok for tokens in token_lists for tok in tokens)
        # 先按频次从高到低，频次相同再按字典序：保证每次建出的词表完全一样
        words = sorted(
            (w for w, c in counter.items() if c >= min_freq), key=lambda w: (-counter[w], w)
        )
        self.itos = list(specials) + [w for w in words if w not in specials]
        self.stoi = {tok: i for i, tok in enumerate(self.itos)}
        self.pad_id, self.unk_id = self.stoi[PAD], self.stoi[UNK]
        self.bos_id, self.eos_id = self.stoi[BOS], self.stoi[EOS]

    def __len__(self):
        return len(self.itos)

    def encode(self, tokens, add_bos_eos=True):
        ids = [self.stoi.get(tok, self.unk_id) for tok in tokens]  # 没见过的词元都映射到 <unk>
        if add_bos_eos:
            ids = [self.bos_id, *ids, self.eos_id]
        return torch.tensor(ids, dtype=torch.long)

    def decode(self, ids, skip_specials=True):
        specials = {self.pad_id, self.bos_id, self.eos_id}
        return [self.itos[i] for i in ids.tolist() if not (skip_specials and i in specials)]


train_texts = [
    "the movie is good",
    "the movie is not good",
    "the story is boring",
    "a good story and a good cast",
]
tokenized = [t.split() for t in train_texts]  # 这里用最简单的空格切分
vocab = Vocab(tokenized, min_freq=1)
print("词表大小：", len(vocab))
print("前 8 个：", vocab.itos[:8])

ids = vocab.encode("the cast is great".split())
print("编码：", ids.tolist())
print("解码：", vocab.decode(ids))
print("保留特殊词元解码：", vocab.decode(ids, skip_specials=False))

# min_freq=2：只出现一次的词也归入 <unk>，词表更小，模型也学会处理生词
vocab2 = Vocab(tokenized, min_freq=2)
print("min_freq=2 的词表：", vocab2.itos)
print("min_freq=2 编码：", vocab2.encode("the story is not good".split()).tolist())

# 词表要和模型一起保存：编号变了，嵌入层的每一行就对不上了
torch.save({"itos": vocab.itos}, "vocab.pt")
restored = torch.load("vocab.pt")["itos"]
print("保存后读回一致：", restored == vocab.itos)
