import json
import struct

import torch
from safetensors.torch import load_file, load_model, safe_open, save_file, save_model
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))

# 1) 保存：只接受“名字 -> 张量”的字典；metadata 只接受字符串
save_file(model.state_dict(), "model.safetensors", metadata={"epoch": "5", "val_acc": "0.93"})

# 2) 文件结构：8 字节长度 + JSON 头 + 紧挨着的原始字节。没有 pickle，也就没有可执行的东西
with open("model.safetensors", "rb") as f:
    header_len = struct.unpack("<Q", f.read(8))[0]
    header = json.loads(f.read(header_len))
print(f"元数据：{sorted(header['__metadata__'].items())}")  # 排序：字典顺序不固定
print(f"0.weight 的头信息：{header['0.weight']}")

# 3) 读取全部张量，装进新模型
fresh = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
missing_unexpected = fresh.load_state_dict(load_file("model.safetensors", device="cpu"))
print("load_file + load_state_dict:", missing_unexpected)
x = torch.randn(2, 4)
print(f"输出一致：{torch.equal(fresh(x), model(x))}")

# 4) 按需读取：只读元数据和某一个张量（大模型时很省内存）
with safe_open("model.safetensors", framework="pt", device="cpu") as f:
    print(f"文件里的键：{list(f.keys())}")
    print(f"元数据：{sorted(f.metadata().items())}")
    bias = f.get_tensor("2.bias")
    first_rows = f.get_slice("0.weight")[:2]  # 只读前两行
print("单独读出的 2.bias:", bias)
print(f"切片读出的形状：{tuple(first_rows.shape)}")


# 5) 共享权重（权重绑定）：save_file 拒绝，save_model 会处理
class TiedLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(10, 4)
        self.head = nn.Linear(4, 10, bias=False)
        self.head.weight = self.embed.weight  # 输入嵌入和输出层共用一份权重


tied = TiedLM()
try:
    save_file(tied.state_dict(), "tied.safetensors")
except RuntimeError as e:
    print(f"save_file 报错：{str(e).strip().split(':')[0]}")

save_model(tied, "tied.safetensors")  # 只存一份，并在元数据里记下别名
with safe_open("tied.safetensors", framework="pt") as f:
    print(f"save_model 存下的键：{list(f.keys())} 元数据：{f.metadata()}")
tied2 = TiedLM()
print("load_model 返回 (missing, unexpected):", load_model(tied2, "tied.safetensors"))
print(f"加载后仍共享同一份权重：{tied2.head.weight is tied2.embed.weight}")
