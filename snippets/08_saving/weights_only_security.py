import re
from dataclasses import asdict, dataclass

import torch


def refusal(e):
    """从 weights_only 的报错里取出最关键的一句。"""
    return re.search(r"Unsupported global: .*? by default", str(e)).group(0)


# 1) pickle 为什么危险：__reduce__ 让对象“在加载时调用任意函数”
class Payload:
    def __reduce__(self):
        # 真正的攻击可以换成删除文件、下载木马……这里只是打印一句话
        return (print, ("！！加载这个文件时执行了文件里指定的函数！！",))


torch.save({"weight": torch.ones(2), "extra": Payload()}, "suspicious.pt")

try:
    torch.load("suspicious.pt")  # 默认 weights_only=True
except Exception as e:
    print(f"weights_only=True 拒绝：{type(e).__name__} | {refusal(e)}")

print("weights_only=False 加载（千万别对来历不明的文件这样做）：")
torch.load("suspicious.pt", weights_only=False)


# 2) 自己的类型：用 safe_globals 放行
@dataclass
class TrainConfig:
    hidden: int = 32
    lr: float = 0.01


torch.save({"config": TrainConfig(), "epoch": 3}, "with_config.pt")
try:
    torch.load("with_config.pt")
except Exception as e:
    print(f"自定义类默认被拒：{refusal(e)}")

with torch.serialization.safe_globals([TrainConfig]):  # 只在这个 with 块内放行
    ckpt = torch.load("with_config.pt")
print(f"safe_globals 块内加载：{ckpt}")

# 也可以全局放行（进程内一直有效）
torch.serialization.add_safe_globals([TrainConfig])
print(f"add_safe_globals 之后：{torch.load('with_config.pt')['config']}")

# 3) 更省心的做法：存成基本类型，加载时再还原
torch.save({"config": asdict(TrainConfig()), "epoch": 3}, "plain_config.pt")
restored = TrainConfig(**torch.load("plain_config.pt")["config"])
print(f"存成字典再还原：{restored}")
