import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)


class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 8)
        self.bn = nn.BatchNorm1d(8)  # 带缓冲区（buffer）的层
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc2(F.relu(self.bn(self.fc1(x))))


model = SmallNet()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)

# 训练一步，让 BatchNorm 的统计量和优化器的动量都有内容
x, y = torch.randn(16, 4), torch.randint(0, 3, (16,))
loss = F.cross_entropy(model(x), y)
loss.backward()
optimizer.step()

# 1) 模型的 state_dict：键是层级名字，值是张量
sd = model.state_dict()
print(f"state_dict 类型：{type(sd).__name__}")
param_names = {name for name, _ in model.named_parameters()}
for name, tensor in sd.items():
    kind = "参数" if name in param_names else "缓冲区"
    print(f"  {name:<24} {str(tuple(tensor.shape)):<8} {str(tensor.dtype):<13} {kind}")

n_params = sum(p.numel() for p in model.parameters())
n_bytes = sum(t.numel() * t.element_size() for t in sd.values())
print(f"参数个数：{n_params}  state_dict 张量总字节数：{n_bytes}")

# 2) 优化器的 state_dict：参数用编号表示，不含张量本身
osd = optimizer.state_dict()
print(f"优化器 state_dict 的键：{list(osd)}")
print(f"param_groups[0] 里的参数编号：{osd['param_groups'][0]['params']}")
print(f"编号 0 的状态：{list(osd['state'][0])} {tuple(osd['state'][0]['momentum_buffer'].shape)}")

# 3) 保存、再装进一个新建的模型
torch.save(model.state_dict(), "small_net.pt")
fresh = SmallNet()  # 随机初始化，和原模型不同
print(f"加载前输出相同：{torch.equal(fresh.eval()(x), model.eval()(x))}")
result = fresh.load_state_dict(torch.load("small_net.pt", weights_only=True))
print(f"load_state_dict 返回：{result}")
print(f"加载后输出相同：{torch.equal(fresh(x), model(x))}")

# 注意：state_dict 里的张量与模型共享存储，不是拷贝
print(f"与参数共享存储：{sd['fc1.weight'].data_ptr() == model.fc1.weight.data_ptr()}")
