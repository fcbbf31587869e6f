import torch
from torch import nn

# 选设备：有加速器就用，没有就用 CPU
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

torch.manual_seed(0)
model = nn.Linear(4, 2).to(device)
# 存档前统一搬到 CPU：文件不再记着“我来自 cuda:0”，任何机器都能直接读
torch.save({k: v.cpu() for k, v in model.state_dict().items()}, "portable.pt")
# 不搬也可以，但文件里会记下张量原来的设备
torch.save(model.state_dict(), "as_is.pt")


def devices(sd):
    return sorted({str(t.device) for t in sd.values()})


# map_location 的几种写法
print("字符串 'cpu':", devices(torch.load("as_is.pt", map_location="cpu")))
print("torch.device:", devices(torch.load("as_is.pt", map_location=torch.device("cpu"))))
# 字典：只改写列出的设备，其余保持不变（在 CPU 机器上这条映射不会触发）
print(f"字典映射：{devices(torch.load('as_is.pt', map_location={'cuda:0': 'cpu'}))}")
# 直接加载到当前设备
on_device = torch.load("portable.pt", map_location=device)
print(f"加载到当前设备：{devices(on_device) == [str(next(model.parameters()).device)]}")

# load_state_dict 是“拷贝进已有的参数”，参数留在模型原来的设备上
cpu_model = nn.Linear(4, 2)
cpu_model.load_state_dict(on_device)
print(f"拷贝后 cpu_model 的设备：{cpu_model.weight.device}")

# 大模型的省内存写法：
# (1) 在 meta 设备上建模型，只有形状、不占内存
with torch.device("meta"):
    lazy = nn.Linear(4, 2)
print(f"meta 模型的参数：{lazy.weight.device} {tuple(lazy.weight.shape)}")
# (2) mmap=True：不把整个文件读进内存，用到哪页读哪页
sd = torch.load("portable.pt", map_location="cpu", mmap=True, weights_only=True)
# (3) assign=True：直接把文件里的张量“放进”模型，而不是拷贝
lazy.load_state_dict(sd, assign=True)
print(f"assign 之后的设备：{lazy.weight.device}")
x = torch.randn(3, 4)
print(f"与原模型输出一致：{torch.equal(lazy(x), model.cpu()(x))}")
