"""运行 snippet 并刷新它的期望输出文件（同名的 .out）。

用法：
    .venv/bin/python tools/refresh_outputs.py snippets/02_tensors          # 一个目录
    .venv/bin/python tools/refresh_outputs.py snippets/02_tensors/create.py # 一个文件
    .venv/bin/python tools/refresh_outputs.py                              # 全部

只改写与实际输出不一致（或还不存在）的 .out；仍然匹配的（容差之内的、含 `<...>` 的）保持原样。
示例在当前目录画出的 PNG 图复制到 docs/assets/images/<snippet 目录名>/，供页面引用。
运行方式与测试完全相同：空临时目录、作为 __main__ 运行、断网、同一个运行器。

刷新之后，每个示例还会在“另一台机器”的设置下（ATEN_CPU_CAPABILITY=default、OMP_NUM_THREADS=1）
再跑一遍，与刚写下的 .out 比对：不一致说明输出离不开这台机器，要改示例（少打印几位、
避开舍入边界，或在代码里声明容差），而不是再刷新一次。加 --no-portable 跳过这一步。
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import harness  # noqa: E402
from fixtures import preparer_for  # noqa: E402


def main(argv: list[str]) -> int:
    portable = "--no-portable" not in argv
    targets = [Path(a).resolve() for a in argv if a != "--no-portable"] or [harness.SNIPPETS]
    files: list[Path] = []
    for t in targets:
        files.extend(sorted(t.rglob("*.py")) if t.is_dir() else [t])
    failed = 0
    for f in files:
        if "__pycache__" in f.parts:
            continue
        name = harness.rel(f)
        code = f.read_text(encoding="utf-8")
        tolerance = harness.parse_tolerance(code)
        prepare, key = preparer_for([name])
        result = harness.run_code("python", code, f.name, prepare, key)
        if result.returncode != 0:
            failed += 1
            print(f"失败  {name}（{result.duration:.1f} s）\n{result.stderr[-3000:]}")
            continue
        out = harness.expected_output_path(f)
        old = out.read_text(encoding="utf-8") if out.exists() else None
        if old is not None and harness.output_matches(old, result.stdout, tolerance):
            status = "不变"
        else:
            out.write_text(harness.normalize_output(result.stdout) + "\n", encoding="utf-8")
            status = "更新"
        print(f"{status}  {name}（{result.duration:.1f} s）")
        if result.images:
            dest = harness.image_dir(f)
            dest.mkdir(parents=True, exist_ok=True)
            for image_name, data in result.images.items():
                (dest / image_name).write_bytes(data)
                print(f"      图片 -> {harness.rel(dest / image_name)}")
        if portable:
            other = harness.run_code("python", code, f.name, prepare, key, machine="portable")
            expected = out.read_text(encoding="utf-8")
            if other.returncode != 0 or not harness.output_matches(
                expected, other.stdout, tolerance
            ):
                failed += 1
                print(
                    "      另一台机器（portable）上的输出不同，请修改示例：\n"
                    + harness.describe_mismatch(expected, other.stdout, tolerance)
                    + (f"\n{other.stderr[-2000:]}" if other.returncode else "")
                )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
