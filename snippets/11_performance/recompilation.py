"""重新编译：输入形状一变，已编译的图就可能作废。用一个会计数的 backend 数出编译了几次。"""

import torch


def make_counting_backend():
    compiled_graphs = []

    def backend(gm, example_inputs):
        # 自定义 backend：记下拿到的计算图，然后按原样执行（不生成代码，所以很快）
        compiled_graphs.append(gm)
        return gm.forward

    return backend, compiled_graphs


def f(x):
    return torch.tanh(x) * 2 + x.mean()


lengths = [8, 16, 32, 64, 8]

for dynamic in [None, False, True]:
    torch._dynamo.reset()  # 清空之前的编译结果，三种设置互不影响
    backend, graphs = make_counting_backend()
    compiled = torch.compile(f, backend=backend, dynamic=dynamic)
    for n in lengths:
        x = torch.randn(n)
        torch.testing.assert_close(compiled(x), f(x))
    print(f"dynamic={dynamic!s:<5} 依次输入长度 {lengths}：编译 {len(graphs)} 次")

# 事先知道哪一维会变：mark_dynamic 让第一次编译就生成对这一维通用的图
torch._dynamo.reset()
backend, graphs = make_counting_backend()
compiled = torch.compile(f, backend=backend)
for n in lengths:
    x = torch.randn(n)
    torch._dynamo.mark_dynamic(x, 0)
    compiled(x)
print("mark_dynamic 之后：编译", len(graphs), "次")

# 长度 1 是特例：PyTorch 会把 0 和 1 单独对待（广播规则依赖它们），所以仍会再编译一次
compiled(torch.randn(1))
print("再输入长度 1：累计编译", len(graphs), "次")
