"""输出比对规则的单元测试：容差内通过、容差外失败、文字不同一定失败、通配符照常工作。"""

from __future__ import annotations

import pytest
from compare import DEFAULT, output_matches, parse_tolerance


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ("GELU tensor([-0.0040, -0.1587])", "GELU tensor([-0.0041, -0.1587])"),  # 末位差 1
        ("损失 0.437", "损失 0.438"),
        ("准确率 75.2%", "准确率 75.3%"),
        ("lr 1.2346e-03", "lr 1.2347e-03"),  # 科学计数法：尾数末位差 1
        ("x 9.9999e-01", "x 1.0000e+00"),  # 跨越指数也按数值比较
        ("tensor([ 0.0000, 1.5000])", "tensor([-0.0000, 1.5000])"),  # 负零
        # 一个数变宽后 PyTorch 重新对齐整列：空格随之变化也算一致
        (
            "tensor([[ 9.9999,  1.0000],\n        [ 1.0000,  2.0000]])",
            "tensor([[10.0000,  1.0000],\n        [ 1.0000,  2.0000]])",
        ),
        ("版本 2.14.1，耗时 <...> 秒", "版本 2.14.1，耗时 3.27 秒"),
    ],
)
def test_within_default_tolerance_passes(expected, actual):
    assert output_matches(expected, actual)


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ("GELU tensor([-0.0040, -0.1587])", "GELU tensor([-0.0043, -0.1587])"),  # 末位差 3
        ("损失 0.437", "损失 0.440"),
        ("lr 1.2346e-03", "lr 1.2349e-03"),
        ("准确率 75.2%", "准确率 76.2%"),
        ("tensor([1., 2.])", "tensor([1., 3.])"),  # 没有小数位的浮点数逐字比较
        ("lr 1e-05", "lr 2e-05"),
        ("版本 2.14.1", "版本 2.14.2"),  # 版本号是文字，不是数
        ("均值 0.123457", "均值 0.1235"),  # 少打印了几位：按期望的位数算容差
    ],
)
def test_outside_tolerance_fails(expected, actual):
    assert not output_matches(expected, actual)


@pytest.mark.parametrize(
    ("expected", "actual"),
    [
        ("torch.Size([64, 10])", "torch.Size([64, 11])"),  # 整数逐字比较
        ("正确 376/500", "正确 377/500"),
        ("dtype torch.float32", "dtype torch.float64"),
        ("True", "False"),
        ("RuntimeError: 形状不匹配", "ValueError: 形状不匹配"),
        ("损失 0.437", "损失：0.437"),  # 标点不同
        ("a  b 0.5", "a b 0.5"),  # 数字相同时空格也必须相同
        ("tensor([0.5000, 1.0000])", "tensor([0.5000,  1.0000])"),
        ("损失 0.437\n完成", "损失 0.437"),  # 少一行
        ("损失 0.437", "损失 0.437 0.2"),  # 多一个数
        ("值 0.50", "值 nan"),
    ],
)
def test_any_text_difference_fails(expected, actual):
    assert not output_matches(expected, actual)


def test_wildcard_still_matches_across_lines_and_keeps_tolerance():
    expected = "开始\n<...>\n结束 0.25"
    assert output_matches(expected, "开始\n第一行\n第二行\n结束 0.25")
    assert output_matches(expected, "开始\n任意\n结束 0.26")
    assert not output_matches(expected, "开始\n任意\n结束 0.29")
    assert not output_matches(expected, "开头\n任意\n结束 0.25")
    # 普通的 ... 不是通配符
    assert not output_matches("tensor([1., ..., 9.])", "tensor([1., 2., 9.])")


def test_declared_tolerances():
    assert parse_tolerance("print(1)") is DEFAULT
    tol = parse_tolerance("import torch\n# 输出容差：abs=0.02\nprint(1)")
    assert tol.declared and tol.abs == 0.02
    assert output_matches("损失 0.437", "损失 0.455", tol)
    assert not output_matches("损失 0.437", "损失 0.460", tol)

    rel = parse_tolerance("# 输出容差: rel=5%")
    assert rel.rel == pytest.approx(0.05)
    assert output_matches("准确率 76.2%", "准确率 75.2%", rel)
    assert not output_matches("准确率 76.2%", "准确率 70.2%", rel)
    # 声明了容差，整数仍然逐字比较，除非写了 ints
    assert not output_matches("正确 376/500", "正确 377/500", rel)
    ints = parse_tolerance("# 输出容差：rel=0.01 ints")
    assert output_matches("正确 376/500", "正确 377/500", ints)
    assert not output_matches("正确 376/500", "正确 390/500", ints)

    units = parse_tolerance("# 输出容差：units=3")
    assert output_matches("x -0.0040", "x -0.0043", units)
    assert not output_matches("x -0.0040", "x -0.0044", units)
    # 声明的容差也不放过文字差异
    assert not output_matches("损失 0.437", "误差 0.437", tol)


@pytest.mark.parametrize("bad", ["# 输出容差：abs", "# 输出容差：foo=1", "# 输出容差：abs=-1"])
def test_malformed_tolerance_is_an_error(bad):
    with pytest.raises(ValueError):
        parse_tolerance(bad)


def test_conflicting_tolerances_are_an_error():
    with pytest.raises(ValueError):
        parse_tolerance("# 输出容差：abs=0.1", "# 输出容差：abs=0.2")


def test_large_mismatching_table_fails_without_backtracking_forever():
    """对齐的大表格不一致时必须很快给出结论（正则不能回溯出指数级的组合）。"""
    import signal

    def timeout(*_):
        raise TimeoutError("输出比对卡住了：正则回溯失控")

    rows = "\n".join(
        f"轮次 {i:3d}   损失 {0.5 + i / 1000:.4f}   准确率 {50 + i / 10:5.1f}%   {0.1 * i:8.3f}"
        for i in range(200)
    )
    old = signal.signal(signal.SIGALRM, timeout)
    signal.alarm(20)
    try:
        assert not output_matches(rows, rows.replace("准确率  59.9%", "准确率  99.9%"))
        assert not output_matches(rows, rows.replace("   损失", "  损失"))
        assert output_matches(rows, rows.replace("0.5010", "0.5011"))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
