"""换了输出头的模型怎样加载旧权重：strict=False 不管形状，形状不符照样报错。"""

import torch
from torch import nn

torch.manual_seed(0)


def make_model(num_classes: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, num_classes))


old = make_model(num_classes=2)  # 假设这是训练好的 2 分类模型
new = make_model(num_classes=3)  # 新任务有 3 类：最后一层的形状变了

# strict=False 只放过缺少或多余的键；键相同而形状不同时仍然报错
try:
    new.load_state_dict(old.state_dict(), strict=False)
except RuntimeError as err:
    lines = [ln.strip() for ln in str(err).splitlines() if "size mismatch" in ln]
    print("strict=False 也报错：")
    for ln in lines:
        print("  ", ln.split(":")[0])

# 正确做法：只保留名字和形状都对得上的键，再用 strict=False 加载
target = new.state_dict()
filtered = {k: v for k, v in old.state_dict().items() if k in target and v.shape == target[k].shape}
skipped = [k for k in old.state_dict() if k not in filtered]
result = new.load_state_dict(filtered, strict=False)
print("跳过的键：", skipped)
print("缺少的键（保留新初始化）：", result.missing_keys)
print("第一层已换成旧权重：", torch.equal(new[0].weight, old[0].weight))
print("输出形状：", tuple(new(torch.randn(5, 4)).shape))
