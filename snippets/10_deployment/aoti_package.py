import os
import shutil

import torch
from torch import nn
from torch.export import Dim

torch.manual_seed(0)
# AOTInductor 在 CPU 上要把生成的 C++ 代码编译成共享库，需要一个 C++ 编译器
print(f"找到 g++：{shutil.which('g++') is not None}")

model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 3)).eval()
example_inputs = (torch.randn(4, 20),)
ep = torch.export.export(model, example_inputs, dynamic_shapes=({0: Dim("batch", min=1, max=256)},))

# 提前编译：导出的图 -> C++ 代码 -> .so，连同权重一起打包成一个 .pt2 文件
package_path = torch._inductor.aoti_compile_and_package(
    ep, package_path=os.path.join(os.getcwd(), "classifier_aoti.pt2")
)
print(f"生成的包：{os.path.basename(package_path)}")

# 部署端：加载包，直接调用；不再需要编译器，也不需要模型的 Python 类
runner = torch._inductor.aoti_load_package(package_path)
with torch.inference_mode():
    for n in (1, 37):
        x = torch.randn(n, 20)
        out = runner(x)
        max_diff = (out - model(x)).abs().max().item()
        print(f"批大小 {n:>2}：输出 {tuple(out.shape)}，最大绝对误差 < 1e-5：{max_diff < 1e-5}")
