import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)

# 三条已经编码好的句子（0 号留给 <pad>），长度分别是 3、5、2
seqs = [torch.tensor([5, 8, 3]), torch.tensor([4, 9, 7, 6, 3]), torch.tensor([6, 3])]
lengths = torch.tensor([len(s) for s in seqs])

# 1) 补齐：补到本批最长的 5，batch_first=True 得到 (批次, 时间)
padded = pad_sequence(seqs, batch_first=True, padding_value=0)
print("补齐后：")
print(padded)
print("掩码（True 是真实词元）：")
print(padded != 0)

# 2) 打包：把补齐的批次压成“按时间步排列、只含真实词元”的一维序列
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
print("packed.data：", packed.data.tolist())
print("每个时间步有几条序列还没结束：", packed.batch_sizes.tolist())
print("按长度从长到短的排序下标：", packed.sorted_indices.tolist())

# 3) 嵌入后再打包，送进 LSTM；输出再解包回补齐的形状
embedding = nn.Embedding(10, 4, padding_idx=0)
lstm = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
packed_emb = pack_padded_sequence(
    embedding(padded), lengths, batch_first=True, enforce_sorted=False
)
packed_out, (h_n, c_n) = lstm(packed_emb)
out, out_lengths = pad_packed_sequence(packed_out, batch_first=True)
print("解包后的输出形状：", tuple(out.shape), "长度：", out_lengths.tolist())
print("补齐位置的输出全是 0：", bool((out[2, 2:] == 0).all()))

# h_n 是每条序列在自己真实末尾的隐状态，顺序已还原成原来的批次顺序
last_steps = out[torch.arange(3), lengths - 1]
print("h_n 等于各自最后一个真实时间步的输出：", torch.allclose(h_n[0], last_steps))

# 对照：不打包直接跑补齐的批次，短句会继续读完补上的 <pad>，最终隐状态就变了
_, (h_padded, _) = lstm(embedding(padded))
print(
    "不打包时各句的 h_n 是否相同：", [torch.allclose(h_padded[0, i], h_n[0, i]) for i in range(3)]
)
