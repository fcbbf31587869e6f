import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset, default_collate

PAD = 0  # 约定 0 号词元表示“填充”，真实词元从 1 开始编号


class TokenDataset(Dataset):
    """每个样本是一句长度不同的“句子”（词元编号序列）和一个标签。"""

    def __init__(self):
        self.samples = [
            ([5, 8, 2], 1),
            ([7, 1], 0),
            ([3, 3, 9, 4, 6], 1),
            ([2], 0),
            ([4, 6, 1, 7], 1),
        ]

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, idx: int):
        tokens, label = self.samples[idx]
        return torch.tensor(tokens), label


ds = TokenDataset()

# 默认的 default_collate 要把样本 stack 起来，长度不同就会失败
try:
    default_collate([ds[0], ds[1]])
except RuntimeError as err:
    first_line = str(err).splitlines()[0]
    print(f"默认合并失败：{first_line}")


def pad_collate(batch):
    """把一批长短不一的序列补齐成矩阵，同时给出真实长度和掩码。"""
    sequences, labels = zip(*batch, strict=True)
    lengths = torch.tensor([len(s) for s in sequences])
    padded = pad_sequence(list(sequences), batch_first=True, padding_value=PAD)
    # 掩码：True 表示真实词元，False 表示补出来的位置
    mask = torch.arange(padded.shape[1]) < lengths.unsqueeze(1)
    return padded, lengths, mask, torch.tensor(labels)


loader = DataLoader(ds, batch_size=3, collate_fn=pad_collate)
for i, (padded, lengths, mask, labels) in enumerate(loader):
    print(f"\n批次 {i}：padded 形状 {tuple(padded.shape)}，lengths {lengths.tolist()}")
    print(padded)
    print("mask:\n", mask.int())
    print("labels:", labels.tolist())

# 掩码的用途：求平均时只算真实位置，否则补的 0 会把结果拉低
padded, lengths, mask, _ = next(iter(loader))
values = padded.float()
naive = values.mean(dim=1)
masked = (values * mask).sum(dim=1) / lengths
print(f"\n直接对补齐后的行求平均：{[round(v, 3) for v in naive.tolist()]}")
print(f"用掩码只对真实词元求平均：{[round(v, 3) for v in masked.tolist()]}")
print("对照：原始序列的平均值： ", [round(ds[i][0].float().mean().item(), 3) for i in range(3)])
