import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_sequence
from torch.utils.data import DataLoader

torch.manual_seed(0)
# 5 条长度不同的序列，每个时间步 2 个特征
sequences = [torch.randn(n, 2) for n in (4, 1, 3, 5, 2)]


def collate(batch):
    lengths = torch.tensor([len(s) for s in batch])
    padded = pad_sequence(batch, batch_first=True)  # (B, T_max, 2)，不足处补 0
    return padded, lengths


loader = DataLoader(sequences, batch_size=5, collate_fn=collate)
padded, lengths = next(iter(loader))
print(f"补齐后形状：{tuple(padded.shape)}  长度：{lengths.tolist()}")

gru = nn.GRU(input_size=2, hidden_size=3, batch_first=True)
with torch.no_grad():
    # 打包：告诉 GRU 每条序列的真实长度，补出来的位置不参与计算
    # enforce_sorted=False：不用自己按长度排序，函数内部会排好再还原
    packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
    _, h_packed = gru(packed)
    _, h_padded = gru(padded)  # 对照：直接喂补齐的张量
    # 标准答案：每条序列单独跑，不存在补齐
    h_single = torch.cat([gru(s.unsqueeze(0))[1] for s in sequences], dim=1)

print(f"打包后的最终隐状态与逐条运行一致：{torch.allclose(h_packed, h_single, atol=1e-6)}")
diff = (h_padded - h_single).abs().amax(dim=(0, 2))
print(f"不打包时每条序列的最大误差：{[round(v, 4) for v in diff.tolist()]}")
print("  -> 只有最长的那条（长度 5）不受补齐影响")
