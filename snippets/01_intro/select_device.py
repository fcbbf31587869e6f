"""本站选设备的统一写法：有加速器就用加速器，没有就用 CPU。"""

import torch

device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
print("使用设备：", device)
