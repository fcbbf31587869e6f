"""输出比对：文字逐字相同，浮点数按打印出来的位数留出容差。

为什么需要容差：同一段代码在另一种 CPU（AVX2、AVX-512、Arm）、另一个线程数或 GPU 上，
浮点结果的最后几位会不同。打印成 4 位小数时，一个恰好落在舍入边界上的值（GELU(-3) = -0.0040497）
在一台机器上印成 -0.0040，在另一台上印成 -0.0041。所以：

- 文字、形状、dtype、整数、布尔值、异常类型逐字比较；
- 带小数点（或科学计数法带尾数小数）的浮点数，默认允许相差“最后一位打印数字的 1 个单位”：
  打印 d 位小数时容差是 10**-d；-0.0040 对 -0.0041 通过，-0.0040 对 -0.0043 不通过；
  没有小数位的浮点数（PyTorch 打印整数值张量时的 ``3.``，或 ``1e-05``）逐字比较；
- 训练之后数值确实会变动更多的示例，在代码里用一行注释声明自己的容差（见 ``parse_tolerance``），
  页面上在输出下面说明；
- 期望输出里的 ``<...>`` 匹配任意文字（同一行或跨行），只用于确实无法固定的内容（耗时、地址）。

数字不同、但在容差内时，数字两侧用于对齐的空格可以不同（PyTorch 按最宽的数对齐整列）；
数字完全相同时，空格也必须逐字相同。
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import re

WILDCARD = "<...>"

# 一个数：前后不能紧挨字母、数字、下划线或“点+数字”，这样 2.14.1、cu130、x1 这类文字不会被拆成数。
_NUMBER_BODY = r"[-+]?(?:\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|\d+)"
NUMBER = re.compile(rf"(?<![\w.]){_NUMBER_BODY}(?![\w]|\.\d)")

TOLERANCE_LINE = re.compile(r"^[ \t]*#[ \t]*输出容差[:：][ \t]*(?P<spec>.*?)[ \t]*$", re.MULTILINE)


@dataclasses.dataclass(frozen=True)
class Tolerance:
    """一个示例的数值容差。三种上限取最大：末位单位数、绝对值、相对值。"""

    units: float = 1.0  # 最后一位打印数字的几个单位
    abs: float = 0.0
    rel: float = 0.0
    ints: bool = False  # 整数是否也按 abs / rel / units 比较（默认逐字）
    declared: bool = False  # 是否由示例显式声明

    def allows(self, expected: str, actual: str) -> bool:
        e_int, a_int = _is_int(expected), _is_int(actual)
        if e_int or a_int:
            if not (e_int and a_int):
                return False
            if not self.ints:
                return expected == actual
            unit = 1.0
        else:
            # 按期望输出的打印位数算：示例改成少打印几位时，旧的 .out 不能因此“在容差内”
            unit = _last_digit_unit(expected)
        e, a = float(expected), float(actual)
        if e == a:
            return True
        limit = max(self.units * unit, self.abs, self.rel * max(abs(e), abs(a)))
        # 1e-9 的相对余量只是为了抵消把十进制字符串转成二进制浮点数时的误差
        return abs(e - a) <= limit * (1 + 1e-9) + 1e-300 if limit > 0 else False


DEFAULT = Tolerance()


def parse_tolerance(*codes: str) -> Tolerance:
    """从示例代码里读出声明的容差，例如 ``# 输出容差：abs=0.02``。

    可以写的项（空格或逗号分隔）：``abs=0.02``、``rel=0.05``（也可写 ``rel=5%``）、
    ``units=3``（最后一位的 3 个单位）、``ints``（整数也按容差比较）。没有声明时返回默认容差。
    """
    specs = [m.group("spec") for code in codes for m in TOLERANCE_LINE.finditer(code)]
    if not specs:
        return DEFAULT
    if len(set(specs)) > 1:
        raise ValueError(f"同一个示例声明了不同的输出容差：{specs}")
    values: dict = {"declared": True}
    for item in re.split(r"[\s,，;；]+", specs[0]):
        if not item:
            continue
        if item == "ints":
            values["ints"] = True
            continue
        key, sep, raw = item.partition("=")
        if not sep or key not in ("abs", "rel", "units"):
            raise ValueError(f"看不懂的输出容差项 {item!r}（可用 abs=、rel=、units=、ints）")
        number = float(raw[:-1]) / 100 if raw.endswith("%") else float(raw)
        if not math.isfinite(number) or number < 0:
            raise ValueError(f"输出容差必须是非负数：{item!r}")
        values[key] = number
    return Tolerance(**values)


def _is_int(token: str) -> bool:
    return re.fullmatch(r"[-+]?\d+", token) is not None


def _last_digit_unit(token: str) -> float:
    """最后一位打印数字的单位；没有小数位的浮点数返回 0（必须逐字相同）。"""
    mantissa, _, exponent = token.lower().partition("e")
    if "." not in mantissa:
        return 0.0
    decimals = len(mantissa.split(".", 1)[1])
    if decimals == 0:
        return 0.0
    return 10.0 ** (-decimals + (int(exponent) if exponent else 0))


def normalize_output(text: str) -> str:
    """去掉每行行尾空白和末尾空行；其余（包括对齐用的空格）逐字比较。"""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def _pattern(expected: str, *, loose_spaces: bool, tolerance: Tolerance) -> tuple[str, list[str]]:
    """把期望输出变成正则：数字变成捕获组，<...> 变成任意文字；返回 (正则, 期望的数字列表)。

    loose_spaces 时，紧挨数字的空格（对齐用的）可多可少；每处只放一个占有型的 ``[ \t]*+``，
    数字本身也是原子组，所以匹配失败时不会回溯出指数级的组合（大表格也能立刻给出结论）。
    """
    parts: list[str] = []
    numbers: list[str] = []
    space = r"[ \t]*+"
    chunks = expected.split(WILDCARD)
    for i, chunk in enumerate(chunks):
        pos = 0
        after_number = False
        for m in NUMBER.finditer(chunk):
            token = m.group(0)
            if _is_int(token) and not tolerance.ints:
                continue  # 整数当作普通文字
            text = chunk[pos : m.start()]
            if loose_spaces:
                if after_number:
                    text = text.lstrip(" \t")
                text = text.rstrip(" \t")
                if after_number and text:
                    parts.append(space)
                parts.append(re.escape(text))
                parts.append(space)
            else:
                parts.append(re.escape(text))
            parts.append(rf"(?<![\w.])((?>{_NUMBER_BODY}))(?![\w]|\.\d)")
            numbers.append(token)
            pos = m.end()
            after_number = True
        text = chunk[pos:]
        if loose_spaces and after_number:
            parts.append(space)
            text = text.lstrip(" \t")
        parts.append(re.escape(text))
        if i < len(chunks) - 1:
            parts.append("(?:.*?)")
    return "".join(parts), numbers


def output_matches(expected: str, actual: str, tolerance: Tolerance = DEFAULT) -> bool:
    """期望输出与实际输出是否一致（规则见模块说明）。"""
    return _compare(expected, actual, tolerance) is None


def _compare(expected: str, actual: str, tolerance: Tolerance) -> str | None:
    """一致时返回 None，否则返回一句说明。"""
    exp = normalize_output(expected)
    act = normalize_output(actual)
    if exp == act:
        return None
    if WILDCARD in exp:
        strict, numbers = _pattern(exp, loose_spaces=False, tolerance=tolerance)
        m = re.fullmatch(strict, act, flags=re.DOTALL)
        if m and list(m.groups()) == numbers:
            return None  # 只有 <...> 处不同
    loose, numbers = _pattern(exp, loose_spaces=True, tolerance=tolerance)
    m = re.fullmatch(loose, act, flags=re.DOTALL)
    if m is None:
        return "文字不同（或数字的个数、位置不同）"
    found = list(m.groups())
    bad = [(e, a) for e, a in zip(numbers, found, strict=True) if not tolerance.allows(e, a)]
    if bad:
        shown = "，".join(f"{e} → {a}" for e, a in bad[:5])
        return f"{len(bad)} 个数超出容差：{shown}"
    if found == numbers:
        return "数字相同，但空格或对齐不同"
    return None


def describe_mismatch(expected: str, actual: str, tolerance: Tolerance = DEFAULT) -> str:
    reason = _compare(expected, actual, tolerance) or ""
    diff = difflib.unified_diff(
        normalize_output(expected).split("\n"),
        normalize_output(actual).split("\n"),
        fromfile="期望输出（页面上显示的）",
        tofile="实际输出",
        lineterm="",
    )
    rule = "默认容差：浮点数最后一位打印数字的 1 个单位"
    if tolerance.declared:
        rule = (
            f"示例声明的容差：units={tolerance.units:g} abs={tolerance.abs:g} "
            f"rel={tolerance.rel:g}{' ints' if tolerance.ints else ''}"
        )
    return f"{reason}（{rule}）\n" + "\n".join(diff)
