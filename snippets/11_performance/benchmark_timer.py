"""用 torch.utils.benchmark.Timer 计时，而不是 time.time()。"""

import time

import torch
from torch.utils import benchmark

torch.manual_seed(0)
x = torch.randn(256, 128)
w = torch.randn(128, 64)


def loop_version(x, w):
    # 一行一行地乘：每一行都是一次单独的算子调用，Python 和调度开销占了大头
    return torch.stack([row @ w for row in x])


def vectorized_version(x, w):
    return x @ w


torch.testing.assert_close(loop_version(x, w), vectorized_version(x, w))

# 反面教材：只量一次，没有预热，也不管线程数和 GPU 的异步执行
start = time.time()
vectorized_version(x, w)
print(f"time.time() 量一次：{time.time() - start:.6f} 秒")

results = {}
for label, fn in [("loop", loop_version), ("vectorized", vectorized_version)]:
    timer = benchmark.Timer(
        stmt="fn(x, w)",
        globals={"fn": fn, "x": x, "w": w},
        num_threads=1,  # 固定线程数，结果才能和别人的比
        label="256x128 @ 128x64",
        sub_label=label,
    )
    # blocked_autorange 自动决定每块运行多少次，直到总时长达到 min_run_time
    results[label] = timer.blocked_autorange(min_run_time=0.2)
print(results["vectorized"])

m_loop, m_vec = results["loop"], results["vectorized"]
print("计时用的线程数：", m_vec.task_spec.num_threads)
print("循环版本比向量化慢 5 倍以上：", m_loop.median > 5 * m_vec.median)
print(f"慢了多少倍（每次不同）：{m_loop.median / m_vec.median:.0f}")
