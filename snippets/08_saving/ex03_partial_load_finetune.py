import torch
from torch import nn


def make_model(num_classes):
    return nn.Sequential(
        nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, num_classes)
    )


torch.manual_seed(0)
pretrained = make_model(10)  # 在 10 类任务上“预训练”好的模型
torch.save(pretrained.state_dict(), "pretrained.pt")

# 新任务只有 3 类：最后一层形状不同
model = make_model(3)
ckpt = torch.load("pretrained.pt", weights_only=True)
own = model.state_dict()

# 只保留“名字存在且形状相同”的张量，其余跳过并记录下来
compatible = {k: v for k, v in ckpt.items() if k in own and v.shape == own[k].shape}
skipped = sorted(set(ckpt) - set(compatible))
result = model.load_state_dict(compatible, strict=False)

print(f"加载了：{sorted(compatible)}")
print(f"跳过（形状不符）：{skipped}")
print("missing_keys:", result.missing_keys)
print("unexpected_keys:", result.unexpected_keys)
# 自检：没加载的恰好是分类头，别的层一个不落
assert result.missing_keys == ["4.weight", "4.bias"] and not result.unexpected_keys
print(f"主干已复用：{torch.equal(model[2].weight, pretrained[2].weight)}")
