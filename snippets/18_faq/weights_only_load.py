import re
from dataclasses import dataclass

import torch
from torch import nn


@dataclass
class TrainConfig:
    """自己写的配置类，训练脚本顺手把它整个存进了检查点。"""

    lr: float = 0.01
    epochs: int = 5


torch.manual_seed(0)
model = nn.Linear(4, 2)
torch.save({"model": model.state_dict(), "config": TrainConfig()}, "checkpoint.pt")

# 从 PyTorch 2.6 起 torch.load 默认 weights_only=True：只认张量、基本类型和白名单里的类
try:
    torch.load("checkpoint.pt")
except Exception as e:
    text = str(e)
    print("异常类型：", type(e).__name__)
    print("第一句：", text.split(".")[0])
    print("被拒绝的类：", re.search(r"Unsupported global: GLOBAL (\S+)", text).group(1))

# 修正一：确认文件来源可信后，只把这一个类加入白名单（不要直接改成 weights_only=False）
with torch.serialization.safe_globals([TrainConfig]):
    ckpt = torch.load("checkpoint.pt")
print("修正一读到的配置：", ckpt["config"])

# 修正二（更推荐）：检查点里只放张量和基本类型，配置存成字典
torch.save({"model": model.state_dict(), "config": vars(TrainConfig())}, "checkpoint_plain.pt")
ckpt = torch.load("checkpoint_plain.pt")
restored = nn.Linear(4, 2)
restored.load_state_dict(ckpt["model"])
print("修正二读到的配置：", ckpt["config"])
print("权重一致：", torch.equal(restored.weight, model.weight))
