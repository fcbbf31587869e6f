"""与设备无关的写法：有加速器（CUDA、MPS 等）就用，没有就退回 CPU，同一份代码到处能跑。"""

# --8<-- [start:pick_device]
import torch

# 选设备：torch.accelerator 是 PyTorch 统一的加速器接口，CUDA、MPS、XPU 等都走它
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
# --8<-- [end:pick_device]

torch.manual_seed(0)

# 推荐 1：创建时就放到目标设备上，省去一次拷贝
w = torch.randn(4, 3, device=device)
# 推荐 2：已有的张量用 .to(device) 搬过去（已在目标设备上时不拷贝）
x = torch.randn(5, 4).to(device)

y = x @ w  # 参与运算的张量必须在同一设备上
print("结果形状：", tuple(y.shape))
print("结果和输入在同一设备：", y.device == x.device)
# 注意 torch.device("cuda") 与张量上的 cuda:0 并不相等，比较设备种类要用 .type
print("设备种类与所选一致：", y.device.type == device.type)

# 和 CPU 上的计算结果比较：先 .cpu() 搬回来；不同硬件的浮点误差不同，所以用 allclose
y_cpu = x.cpu() @ w.cpu()
print("与 CPU 结果一致：", torch.allclose(y.cpu(), y_cpu, atol=1e-5))

# 来自别处的 CPU 张量（比如读入的数据）要先搬到同一设备再参与运算；
# 在 GPU 上直接写 cpu_tensor + w[0] 会报 RuntimeError（只有 CPU 时碰巧不报错，别依赖它）
cpu_tensor = torch.ones(3)
total = cpu_tensor.to(device) + w[0]
print("先 .to(device) 再运算，结果在目标设备上：", total.device == w.device)

# 取出标量或转 NumPy 时都会回到 CPU
print("y 的元素个数：", y.numel(), " 求和后可用 .item() 取数：", isinstance(y.sum().item(), float))

# *_like 会沿用模板张量的设备
z = torch.zeros_like(y)
print("zeros_like 沿用设备：", z.device == y.device)
