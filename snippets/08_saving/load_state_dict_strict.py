import torch
from torch import nn
from torch.nn.modules.utils import consume_prefix_in_state_dict_if_present

torch.manual_seed(0)

# 旧版模型保存的权重
old = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
torch.save(old.state_dict(), "old.pt")
ckpt = torch.load("old.pt", weights_only=True)
print(f"检查点里的键：{list(ckpt)}")

# 新版模型多了一层归一化：键对不上
new = nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.ReLU(), nn.Linear(8, 3))
print(f"新模型需要的键：{list(new.state_dict())}")

# strict=True（默认）：任何一个键对不上都报错
try:
    new.load_state_dict(ckpt)
except RuntimeError as e:
    print("strict=True ->", type(e).__name__)
    print(str(e))
# 注意：报错并不等于“什么都没发生”，能对上的参数在报错前已经拷贝进去了
print(f"报错后第一层已被改写：{torch.equal(new[0].weight, old[0].weight)}")

new = nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.ReLU(), nn.Linear(8, 3))

# strict=False：能对上的照常加载，对不上的列在返回值里，一定要看！
result = new.load_state_dict(ckpt, strict=False)
print(f"missing_keys   （模型有、文件没有，保持初始值）：{result.missing_keys}")
print(f"unexpected_keys（文件有、模型没有，被忽略）：{result.unexpected_keys}")
print(f"第一层确实加载了：{torch.equal(new[0].weight, old[0].weight)}")

# 键对上了但形状不同：即使 strict=False 也会报错
wrong = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 5))
try:
    wrong.load_state_dict(ckpt, strict=False)
except RuntimeError as e:
    print("形状不符 ->", str(e).splitlines()[-1].strip())

# 常见的“前缀”问题：torch.compile 或 DataParallel 包装后保存的键多了前缀
prefixed = {"_orig_mod." + k: v for k, v in ckpt.items()}
print(f"带前缀的键：{list(prefixed)[:2]}")
consume_prefix_in_state_dict_if_present(prefixed, "_orig_mod.")  # 原地去掉前缀
print(f"去掉前缀后严格加载：{old.load_state_dict(prefixed)}")
