"""图中断：torch._dynamo.explain 告诉你计算图在哪里、为什么断开。"""

import torch

torch.manual_seed(0)


def scale_if_positive(x):
    y = torch.sin(x) * 2
    print("调试输出")  # 打印是 Python 的副作用，Dynamo 无法放进计算图
    if y.sum() > 0:  # 分支取决于张量的值：编译时不知道走哪边
        y = y * 3
    return torch.cos(y) + 1


def scale_branchless(x):
    y = torch.sin(x) * 2
    y = torch.where(y.sum() > 0, y * 3, y)  # 两边都算，按条件挑：没有 Python 分支
    return torch.cos(y) + 1


x = torch.randn(16)

explanation = torch._dynamo.explain(scale_if_positive)(x)
print("计算图个数：", explanation.graph_count, "，图中断次数：", explanation.graph_break_count)
for reason in explanation.break_reasons:
    frame = reason.user_stack[-1]
    code = frame.line.split("#")[0].strip()
    print(f"  第 {frame.lineno} 行 {code}：{reason.reason.splitlines()[0]}")

explanation = torch._dynamo.explain(scale_branchless)(x)
print("改写后：计算图个数", explanation.graph_count, "，图中断次数", explanation.graph_break_count)
torch.testing.assert_close(scale_branchless(x), scale_if_positive(x))
print("两种写法结果相同")

# backend="eager" 只做图捕获、不生成代码，看图中断时用它最快
# fullgraph=True：不允许图中断，遇到就直接报错，适合确认关键函数被完整编译
strict = torch.compile(scale_if_positive, fullgraph=True, backend="eager")
try:
    strict(x)
except Exception as err:  # noqa: BLE001
    print("fullgraph=True 报错：", type(err).__name__)
torch.compile(scale_branchless, fullgraph=True, backend="eager")(x)
print("无中断的版本在 fullgraph=True 下编译成功")
