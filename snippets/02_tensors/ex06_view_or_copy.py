"""习题 6 参考答案：判断每个操作返回的是视图（共享存储）还是副本。"""

import numpy as np
import torch

x = torch.arange(12.0).reshape(3, 4)


def shares_storage(a: torch.Tensor, b: torch.Tensor) -> bool:
    # 比较底层存储的起始地址：相同说明是同一块内存
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


results = {
    "x.view(4, 3)": x.view(4, 3),
    "x.reshape(2, 6)": x.reshape(2, 6),
    "x.T": x.T,
    "x.T.reshape(12)": x.T.reshape(12),
    "x[1:, ::2]": x[1:, ::2],
    "x[[0, 2]]": x[[0, 2]],
    "x[x > 5]": x[x > 5],
    "x.unsqueeze(0)": x.unsqueeze(0),
    "x.flatten()": x.flatten(),
    "x.clone()": x.clone(),
    "x.float()": x.float(),
    "x.double()": x.double(),
    "torch.cat([x])": torch.cat([x]),
}
for name, t in results.items():
    print(f"{name:<18} {'视图' if shares_storage(t, x) else '副本'}")

arr = np.ones(3, dtype=np.float32)
print(
    f"{'from_numpy(arr)':<18} 与 arr 共享内存：{np.shares_memory(torch.from_numpy(arr).numpy(), arr)}"
)
print(f"{'tensor(arr)':<18} 与 arr 共享内存：{np.shares_memory(torch.tensor(arr).numpy(), arr)}")
