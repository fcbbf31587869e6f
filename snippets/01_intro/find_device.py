"""用 torch.accelerator 统一地找设备：CUDA、MPS、XPU 等都走同一套接口，没有就退回 CPU。"""

import torch

print("有可用的加速器：", torch.accelerator.is_available())
print("加速器数量：", torch.accelerator.device_count())
# check_available=True 会在运行时确认设备真的能用；没有时返回 None
print("当前加速器：", torch.accelerator.current_accelerator(check_available=True))

# 本站所有示例都用这一行选设备：有加速器就用，没有就用 CPU
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print("选中的设备类型：", device.type)

# 张量创建时用 device= 直接放到目标设备，或者用 .to(device) 搬过去
a = torch.arange(6, dtype=torch.float32, device=device).reshape(2, 3)
b = torch.ones(3, 2).to(device)
c = a @ b  # 参与运算的张量必须在同一个设备上
print("c 所在设备类型：", c.device.type)

# 打印、转 NumPy 等操作前先搬回 CPU
result = c.cpu()
print("a @ b =")
print(result)
print("转成 NumPy：", result.numpy().tolist())
