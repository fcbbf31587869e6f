"""习题 5：把依赖数据的 if 改写成 torch.where，让 torch.compile 只捕获一张图。"""

import torch

captured = []


def count_backend(gm: torch.fx.GraphModule, example_inputs):
    captured.append(gm)
    return gm.forward


def with_branch(x: torch.Tensor) -> torch.Tensor:
    y = torch.tanh(x)
    if y.sum() > 0:
        return y + 1
    return y - 1


def branch_free(x: torch.Tensor) -> torch.Tensor:
    y = torch.tanh(x)
    # 两个分支都算出来，再按条件挑一个：条件变成了图里的一个普通运算
    return torch.where(y.sum() > 0, y + 1, y - 1)


for x in (torch.tensor([-1.0, 0.0, 2.0]), torch.tensor([-3.0, 0.5, -1.0])):
    print("输入：", x)
    print("  两种写法结果相同：", torch.equal(with_branch(x), branch_free(x)))

for fn in (with_branch, branch_free):
    captured.clear()
    torch.compiler.reset()  # 清掉之前的编译缓存，单独统计每个函数
    compiled = torch.compile(fn, backend=count_backend)
    compiled(torch.tensor([-1.0, 0.0, 2.0]))
    print(f"{fn.__name__}：捕获了 {len(captured)} 张图")
