"""torch.compile：第一次调用要编译（慢），之后很快；编译结果有缓存。"""

import time

import torch
from torch import nn
from torch._dynamo.utils import counters
from torch.utils import benchmark

torch.manual_seed(0)
# Timer 默认用单线程计时，这里让整个进程都用单线程：线程数是编译结果的守卫条件之一，
# 第一次调用与计时时的线程数不同，计时那一刻会按新的线程数再编译一遍
torch.set_num_threads(1)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)
model = nn.Sequential(nn.Linear(64, 128), nn.GELU(), nn.Linear(128, 64)).to(device)
model.eval()
x = torch.randn(32, 64, device=device)

# 可选的 mode：默认、减少调用开销（CUDA Graphs）、自动调优（编译更久）……
print("可用的 mode：", sorted(torch._inductor.list_mode_options()))

compiled = torch.compile(model)  # 默认 backend="inductor"，mode="default"
with torch.no_grad():
    start = time.perf_counter()
    out = compiled(x)  # 第一次调用：捕获计算图、生成并编译代码
    first_call = time.perf_counter() - start
    torch.testing.assert_close(out, model(x), rtol=1e-4, atol=1e-5)
    timer = benchmark.Timer("f(x)", globals={"f": compiled, "x": x})
    steady = timer.blocked_autorange(min_run_time=0.2).median
print("编译后的结果与 eager 一致")
print(f"第一次调用 {first_call:.2f} 秒，之后每次 {steady * 1e6:.0f} 微秒（每台机器不同）")
print("第一次调用比之后慢 100 倍以上：", first_call > 100 * steady)

# 清掉进程内的编译结果，再编译一次同样的模型：这次从磁盘缓存里取，省掉代码生成和 C++ 编译
hits_before = counters["inductor"]["fxgraph_cache_hit"]
torch._dynamo.reset()
with torch.no_grad():
    start = time.perf_counter()
    torch.compile(model)(x)
    second_compile = time.perf_counter() - start
print("重置后再编译：FX 图缓存命中", counters["inductor"]["fxgraph_cache_hit"] - hits_before, "次")
print(f"命中缓存的编译用了 {second_compile:.2f} 秒（每台机器不同）")
