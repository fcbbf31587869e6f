"""习题 2：写一个可以指定偏好设备的选设备函数，偏好的设备不可用时给出原因并退回。"""

import torch


def pick_device(prefer: str | None = None) -> torch.device:
    # 运行时确认可用的那个加速器；没有则为 None
    accelerator = torch.accelerator.current_accelerator(check_available=True)
    if prefer == "cpu":
        return torch.device("cpu")
    if prefer is not None and (accelerator is None or accelerator.type != prefer):
        print(f"  提示：想用 {prefer}，但它在这台机器上不可用")
    return accelerator if accelerator is not None else torch.device("cpu")


for prefer in (None, "cpu", "cuda", "mps"):
    print(f"prefer={prefer!r}:")
    device = pick_device(prefer)
    x = torch.tensor([1.0, 2.0, 3.0], device=device)
    print("  选中设备类型：", device.type, " 计算 x.sum() =", x.sum().item())
