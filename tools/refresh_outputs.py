"""运行 snippet 并刷新它的期望输出文件（同名的 .out）。

用法：
    .venv/bin/python tools/refresh_outputs.py snippets/02_tensors          # 一个目录
    .venv/bin/python tools/refresh_outputs.py snippets/02_tensors/create.py # 一个文件
    .venv/bin/python tools/refresh_outputs.py                              # 全部

只改写与实际输出不一致（或还不存在）的 .out；仍然匹配的（包括含 `...` 的）保持原样。
示例在当前目录画出的 PNG 图复制到 docs/assets/images/<snippet 目录名>/，供页面引用。
运行方式与测试完全相同：空临时目录、`python 文件`、断网。
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import harness  # noqa: E402
from fixtures import preparer_for  # noqa: E402


def main(argv: list[str]) -> int:
    targets = [Path(a).resolve() for a in argv] or [harness.SNIPPETS]
    files: list[Path] = []
    for t in targets:
        files.extend(sorted(t.rglob("*.py")) if t.is_dir() else [t])
    failed = 0
    for f in files:
        if "__pycache__" in f.parts:
            continue
        name = harness.rel(f)
        prepare, key = preparer_for([name])
        result = harness.run_code("python", f.read_text(encoding="utf-8"), f.name, prepare, key)
        if result.returncode != 0:
            failed += 1
            print(f"失败  {name}（{result.duration:.1f} s）\n{result.stderr[-3000:]}")
            continue
        out = harness.expected_output_path(f)
        if out.exists() and harness.output_matches(out.read_text(encoding="utf-8"), result.stdout):
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
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
