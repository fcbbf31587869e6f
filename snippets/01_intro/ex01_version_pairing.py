"""习题 1：解析版本号，判断 torch 与 torchvision 是否配套。"""

import torch
import torchvision

# 官方兼容表的一部分（完整表见 torchvision 仓库 README）：torch 主.次版本 -> torchvision 主.次版本
COMPATIBLE = {
    (2, 5): (0, 20),
    (2, 6): (0, 21),
    (2, 7): (0, 22),
    (2, 8): (0, 23),
    (2, 14): (0, 29),
}


def parse_release(version: str) -> tuple[int, int, int]:
    """'2.14.1+cu128' -> (2, 14, 1)：先去掉加号后面的本地后缀，再按点号拆开。"""
    release = version.split("+")[0]
    major, minor, patch = (int(part) for part in release.split(".")[:3])
    return major, minor, patch


def is_compatible(torch_version: str, vision_version: str) -> bool | None:
    """只比较主、次版本号；表里查不到时返回 None，表示“不知道，请查官方表”。"""
    t_major, t_minor, _ = parse_release(torch_version)
    v_major, v_minor, _ = parse_release(vision_version)
    expected = COMPATIBLE.get((t_major, t_minor))
    if expected is None:
        return None
    return expected == (v_major, v_minor)


cases = [
    ("2.14.1+cu128", "0.29.1+cu128"),
    ("2.14.1", "0.29.0"),  # 补丁号不同没关系
    ("2.14.1+cpu", "0.28.0+cpu"),  # 次版本号对不上
    ("2.7.1", "0.22.1"),
    ("1.13.1", "0.14.1"),  # 表里没有
]
for tv, vv in cases:
    print(f"torch {tv:<14} torchvision {vv:<14} -> {is_compatible(tv, vv)}")

# 最后检查本机装的这一对
print("本机：", is_compatible(torch.__version__, torchvision.__version__))
