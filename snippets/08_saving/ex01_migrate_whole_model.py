import torch
from torch import nn


class LegacyNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 8), nn.ReLU())
        self.head = nn.Linear(8, 2)

    def forward(self, x):
        return self.head(self.body(x))


# 准备：一份老项目留下来的“整个模型”文件
torch.manual_seed(0)
torch.save(LegacyNet(), "legacy_model.pt")


def migrate(src, dst):
    """把可信的整模型文件转换成只含张量的 state_dict 文件。"""
    # 只有在类定义可以导入、并且文件来源可信时才能这样加载
    model = torch.load(src, map_location="cpu", weights_only=False)
    torch.save(model.state_dict(), dst)
    return model


old_model = migrate("legacy_model.pt", "legacy_weights.pt")

# 验证 1：新文件不再引用任何自定义类
print(
    f"新文件引用的非白名单对象：{torch.serialization.get_unsafe_globals_in_checkpoint('legacy_weights.pt')}"
)
# 验证 2：默认的 weights_only=True 就能加载，且结果与原模型一致
new_model = LegacyNet()
print(new_model.load_state_dict(torch.load("legacy_weights.pt")))
x = torch.randn(3, 4)
print(f"输出一致：{torch.equal(new_model(x), old_model(x))}")
