import torch
from torch import nn

torch.manual_seed(0)
torch.set_printoptions(precision=4)

# 一个 6 个词的小词表，0 号留给填充符 <pad>
vocab = {"<pad>": 0, "我": 1, "爱": 2, "学": 3, "习": 4, "PyTorch": 5}
emb = nn.Embedding(num_embeddings=len(vocab), embedding_dim=4, padding_idx=0)
print("权重形状 (词表大小, 向量维度)：", tuple(emb.weight.shape))
print("padding_idx 那一行初始化为 0：", emb.weight[0].tolist())

# 两句话，长度不同，用 0 补齐成一个批次；输入必须是整数索引（long）
sentences = [["我", "爱", "PyTorch"], ["我", "学"]]
ids = torch.tensor([[vocab[w] for w in s] + [0] * (3 - len(s)) for s in sentences])
print("索引张量：\n", ids, ids.dtype)

vectors = emb(ids)
print("输出形状 (批次, 序列长度, 向量维度)：", tuple(vectors.shape))

# Embedding 本质就是按行取权重矩阵，等价于独热（one-hot）向量乘以权重
same = torch.equal(vectors[0, 1], emb.weight[vocab["爱"]])
print("emb(ids) 就是按索引取 weight 的行：", same)
one_hot = nn.functional.one_hot(ids, num_classes=len(vocab)).float()
print("与 one_hot @ weight 相同：", torch.allclose(vectors, one_hot @ emb.weight))

# 反向传播时只有出现过的行有梯度，padding_idx 那一行的梯度永远是 0
# 对输出求和再反向传播，每一行的梯度正好等于该词在批次里出现的次数
vectors.sum().backward()
print("各行梯度的第 0 列：", emb.weight.grad[:, 0])
