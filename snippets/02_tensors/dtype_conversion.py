"""类型转换与类型提升（type promotion），以及整数除法、溢出这几个常见的坑。"""

import torch

x = torch.tensor([2.7, -2.7, 0.0])

# 转换：.to(dtype) 是通用写法，.float() / .long() / .int() / .bool() 是简写
print(".to(torch.int64):", x.to(torch.int64), " （直接截掉小数部分，不是四舍五入）")
print(".round().long(): ", x.round().long())
print(".bool():         ", x.bool(), " （非零即 True）")
print(".half().dtype:   ", x.half().dtype, " .double().dtype:", x.double().dtype)
print("dtype 已经相同时 .to() 返回原张量：", x.to(torch.float32) is x)

# 类型提升：两个操作数 dtype 不同时，同类别取更宽的类型，跨类别取较高类别一方的类型
# （不保证装得下另一方的所有值：int32 的大整数放进 float16 会失去精度甚至溢出）
i32 = torch.tensor([1, 2], dtype=torch.int32)
i64 = torch.tensor([1, 2], dtype=torch.int64)
f16 = torch.tensor([1.0, 2.0], dtype=torch.float16)
f64 = torch.tensor([1.0, 2.0], dtype=torch.float64)
print("int32 + int64     ->", (i32 + i64).dtype)
print("int32 + float16   ->", (i32 + f16).dtype)
print("float16 + float64 ->", (f16 + f64).dtype)
print("bool + int32      ->", (torch.tensor([True, False]) + i32).dtype)

# Python 数字和 0 维张量与张量同类别时，不改变张量的 dtype
print("int32 + 5         ->", (i32 + 5).dtype)
print("float16 + 0.5     ->", (f16 + 0.5).dtype)
print("float16 + 0 维 float64 张量 ->", (f16 + torch.tensor(0.5, dtype=torch.float64)).dtype)
# 但类别更高时要提升：整数张量遇到 Python 浮点数，得到默认浮点类型；
# 遇到类别更高的 0 维张量，则保留那个 0 维张量自己的 dtype
print("int32 + 0.5       ->", (i32 + 0.5).dtype)
print("int32 + 0 维 float64 张量 ->", (i32 + torch.tensor(0.5, dtype=torch.float64)).dtype)
print("torch.result_type(int32 张量, 0.5)：", torch.result_type(i32, 0.5))

# 坑 1：/ 总是真除法，结果是浮点；// 是向下取整，对负数要留意
a = torch.tensor([7, -7])
print("[7, -7] / 2  =", a / 2)
print("[7, -7] // 2 =", a // 2, " （向下取整，-3.5 -> -4）")
print(
    "div(rounding_mode='trunc') =",
    torch.div(a, 2, rounding_mode="trunc"),
    " （向零取整，同 C 语言）",
)

# 坑 2：整数和 Python 整数运算不会自动换成更宽的类型，会溢出
small = torch.tensor([100], dtype=torch.int8)
print("int8 的 100 + 100 =", small + 100, " （溢出，int8 最大 127）")
print("先转 int16 再加   =", small.to(torch.int16) + 100)

# 坑 3：原地操作不能改变 dtype
counts = torch.tensor([1, 2, 3])
try:
    counts.add_(0.5)
except RuntimeError as err:
    print("整数张量 add_(0.5) 报错：", err)
print("改用非原地操作：", counts + 0.5)

# 坑 4：float32 只有 24 位有效数字，很大的整数转过去再转回来会变
big = torch.tensor([16_777_217])
print("16777217 -> float32 -> int64:", big.float().long().item())
