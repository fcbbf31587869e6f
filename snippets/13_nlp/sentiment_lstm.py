import random
from collections import Counter

import jieba
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence
from torch.utils.data import DataLoader

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
jieba.setLogLevel(60)

SUBJECTS = ["这部电影", "这本书", "这家餐厅", "这款手机", "这次旅行", "这门课"]
POS = ["精彩", "有趣", "出色", "温暖", "实用", "划算"]
NEG = ["无聊", "糟糕", "平庸", "拖沓", "昂贵", "吵闹"]
ADVS = ["很", "非常", "真", "特别", "有点"]


def make_example(rng):
    """生成一条带标签的评论：1 是正面，0 是负面。返回 (句子, 标签, 句式)。"""
    subj, adv = rng.choice(SUBJECTS), rng.choice(ADVS)
    pos, neg = rng.choice(POS), rng.choice(NEG)
    label = rng.randint(0, 1)
    kind = rng.choice(["直接", "否定", "转折"])
    if kind == "直接":  # 这部电影很精彩
        return f"{subj}{adv}{pos if label else neg}", label, kind
    if kind == "否定":  # 这部电影一点也不无聊：否定词把极性翻过来
        neg_word = rng.choice(["并不", "一点也不"])
        return f"{subj}{neg_word}{neg if label else pos}", label, kind
    # 转折：虽然 A，但是 B，以 B 为准；两半的词完全一样，只有顺序不同
    first, second = (neg, pos) if label else (pos, neg)
    return f"{subj}虽然{adv}{first}，但是{adv}{second}", label, kind


rng = random.Random(0)
examples = list({make_example(rng) for _ in range(3000)})  # 用集合去重
examples.sort()
rng.shuffle(examples)
split = int(0.8 * len(examples))
train_data, test_data = examples[:split], examples[split:]
print("去重后的句子数：", len(examples), "训练：", len(train_data), "测试：", len(test_data))
print("例句：", train_data[0][:2], jieba.lcut(train_data[0][0]))

counter = Counter(tok for text, _, _ in train_data for tok in jieba.lcut(text))
itos = ["<pad>", "<unk>"] + sorted(counter, key=lambda w: (-counter[w], w))  # 词表只从训练集建
stoi = {tok: i for i, tok in enumerate(itos)}


def collate(batch):
    ids = [torch.tensor([stoi.get(t, 1) for t in jieba.lcut(text)]) for text, _, _ in batch]
    lengths = torch.tensor([len(x) for x in ids])
    labels = torch.tensor([label for _, label, _ in batch])
    return pad_sequence(ids, batch_first=True), lengths, labels


train_loader = DataLoader(
    train_data,
    batch_size=64,
    shuffle=True,
    collate_fn=collate,
    generator=torch.Generator().manual_seed(0),
)
test_loader = DataLoader(test_data, batch_size=256, collate_fn=collate)
print("词表大小：", len(itos))


class BagOfWords(nn.Module):
    """词袋基线：把所有词向量取平均，完全不看顺序。"""

    def __init__(self, vocab_size, dim=32):
        super().__init__()
        self.embed = nn.EmbeddingBag(vocab_size, dim, mode="mean", padding_idx=0)
        self.head = nn.Linear(dim, 2)

    def forward(self, ids, lengths):
        return self.head(self.embed(ids))


class LSTMClassifier(nn.Module):
    """嵌入 -> LSTM（打包跳过 <pad>）-> 最后一个真实时间步的隐状态 -> 线性层。"""

    def __init__(self, vocab_size, dim=32, hidden=64):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, dim, padding_idx=0)
        self.lstm = nn.LSTM(dim, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 2)

    def forward(self, ids, lengths):
        packed = pack_padded_sequence(
            self.embed(ids), lengths, batch_first=True, enforce_sorted=False
        )
        _, (h_n, _) = self.lstm(packed)
        return self.head(h_n[-1])  # h_n 的形状是 (层数, 批次, hidden)


def train(model, epochs=6):
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(epochs):
        model.train()
        for ids, lengths, labels in train_loader:
            optimizer.zero_grad()
            loss = loss_fn(model(ids.to(device), lengths), labels.to(device))
            loss.backward()
            optimizer.step()


@torch.inference_mode()
def accuracy_by_kind(model):
    model.eval()
    correct, total = Counter(), Counter()
    for text, label, kind in test_data:
        ids, lengths, _ = collate([(text, label, kind)])
        pred = model(ids.to(device), lengths).argmax(dim=1).item()
        for key in (kind, "全部"):
            correct[key] += int(pred == label)
            total[key] += 1
    return {k: correct[k] / total[k] for k in ["直接", "否定", "转折", "全部"]}


for name, model in [("词袋", BagOfWords(len(itos))), ("LSTM", LSTMClassifier(len(itos)))]:
    torch.manual_seed(0)
    model.to(device)
    train(model)
    accs = accuracy_by_kind(model)
    print(f"{name:4s} 测试准确率：" + "  ".join(f"{k} {v:.0%}" for k, v in accs.items()))
