"""先测量，再优化：用 torch.profiler 看一个训练步的时间花在哪里，并导出 Chrome 追踪文件。"""

import json
from pathlib import Path

import torch
from torch import nn
from torch.profiler import ProfilerActivity, profile, record_function, schedule

torch.manual_seed(0)
device = (
    torch.accelerator.current_accelerator()
    if torch.accelerator.is_available()
    else torch.device("cpu")
)

model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10)).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.CrossEntropyLoss()
x = torch.randn(128, 64, device=device)
y = torch.randint(0, 10, (128,), device=device)


def train_step():
    # record_function 给一段代码起名字，它会作为一行出现在表格和时间线上
    with record_function("forward"):
        loss = loss_fn(model(x), y)
    with record_function("backward"):
        optimizer.zero_grad()
        loss.backward()
    with record_function("optimizer_step"):
        optimizer.step()


activities = [ProfilerActivity.CPU]
if device.type == "cuda":
    activities.append(ProfilerActivity.CUDA)

traces = []


def on_trace_ready(prof):
    # 每个 active 阶段结束时调用一次；真实项目里常用 torch.profiler.tensorboard_trace_handler
    prof.export_chrome_trace("trace.json")
    traces.append("trace.json")


# 第 0 步跳过（wait），第 1 步预热但丢弃结果（warmup），第 2、3 步真正记录（active）
plan = schedule(wait=1, warmup=1, active=2, repeat=1)
with profile(
    activities=activities, schedule=plan, on_trace_ready=on_trace_ready, record_shapes=True
) as prof:
    for _ in range(5):
        train_step()
        prof.step()  # 告诉分析器：一步结束了

table = prof.key_averages().table(sort_by="cpu_time_total", row_limit=8)
print(table)

# 耗时每次都不同，算子的名字和调用次数却是确定的
counts = {e.key: e.count for e in prof.key_averages()}
print("被记录的步数：", counts["ProfilerStep*"])
for name in ["forward", "backward", "optimizer_step", "aten::addmm", "aten::mm", "aten::relu"]:
    print(f"{name:<16} 调用 {counts[name]} 次")

# 按输入形状分组：同一个算子在不同形状上各占一行
by_shape = prof.key_averages(group_by_input_shape=True)
addmm_shapes = sorted(str(e.input_shapes) for e in by_shape if e.key == "aten::addmm")
print("aten::addmm 的输入形状：")
for shapes in addmm_shapes:
    print("  ", shapes)

# Chrome 追踪文件就是一个 JSON：traceEvents 列表里每个事件有名字、开始时间 ts 和时长 dur
trace = json.loads(Path("trace.json").read_text(encoding="utf-8"))
events = [e for e in trace["traceEvents"] if e.get("ph") == "X"]
names = {e["name"] for e in events}
print(f"导出次数：{len(traces)}，trace.json 存在：{Path('trace.json').exists()}")
print("有时长的事件超过 100 个：", len(events) > 100)
print("三个自定义区段都在时间线上：", {"forward", "backward", "optimizer_step"} <= names)
forward_events = [e for e in events if e["name"] == "forward"]
print("forward 区段出现次数：", len(forward_events))
print(
    "每个事件都有的字段：", sorted(k for k in forward_events[0] if k in {"name", "ts", "dur", "ph"})
)
