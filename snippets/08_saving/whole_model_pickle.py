import re

import torch
from torch import nn


class TinyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 2)

    def forward(self, x):
        return self.fc(x)


torch.manual_seed(0)
model = TinyNet()

# 做法一：保存整个模型对象（pickle 会记下“类在哪个模块里、叫什么”）
torch.save(model, "whole_model.pt")
# 做法二：只保存 state_dict（只有张量，外加一个有序字典）
torch.save(model.state_dict(), "weights.pt")

# 文件里需要哪些“非张量”的全局对象？
for path in ["whole_model.pt", "weights.pt"]:
    names = sorted(torch.serialization.get_unsafe_globals_in_checkpoint(path))
    print(f"{path} 引用的非白名单全局对象：{names}")

# 默认 weights_only=True：整个模型的文件被拒绝
try:
    torch.load("whole_model.pt")
except Exception as e:
    reason = re.search(r"Unsupported global: .*? by default", str(e)).group(0)
    print("默认加载整个模型 ->", type(e).__name__)
    print(f"  原因：{reason}")

# 明确表示“我信任这个文件”后才能加载；它靠的是能找到 __main__.TinyNet 这个类
loaded = torch.load("whole_model.pt", weights_only=False)
print(f"weights_only=False 加载得到：{type(loaded).__name__}")

# 模拟“在另一个脚本里加载”：类定义不在了
del TinyNet
try:
    torch.load("whole_model.pt", weights_only=False)
except AttributeError as e:
    print("找不到类时 ->", type(e).__name__, str(e).split(" on ")[0])

# state_dict 文件不依赖任何类：默认的安全模式就能读
sd = torch.load("weights.pt")
print(f"state_dict 文件默认即可加载，键：{list(sd)}")
