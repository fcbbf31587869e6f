"""每一章生成的 Notebook（hooks/chapter_notebook.py）从头到尾执行一遍。

Notebook 是读者在 Jupyter 或 Colab 里拿到的整章：同一份文字、同一批示例，放在一个内核里依次运行。
这里证明它真的能从上到下跑通（示例之间不会互相干扰），而且每个示例单元的输出与页面上的一致。
运行前，把本章示例需要的数据按真实格式写进工作目录（与单独运行示例时相同的准备函数）。
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import harness
import pytest
from fixtures import PREPARERS

sys.path.insert(0, str(harness.REPO / "hooks"))

import chapter_notebook  # noqa: E402

CHAPTERS = sorted((harness.DOCS / "chapters").glob("[0-9][0-9]-*.md"))


def _stdout(cell) -> str:
    return "".join(
        out.get("text", "")
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stdout"
    )


@pytest.mark.parametrize("page", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_notebook_runs_top_to_bottom(page: Path, record_property):
    import nbformat

    extra = harness.mkdocs_config().get("extra", {})
    nb = nbformat.from_dict(chapter_notebook.build(page, extra))
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells, f"{page.name} 生成的 Notebook 没有代码单元"

    workdir = Path(tempfile.mkdtemp(prefix="ptnotes-chnb-"))
    snippets = [c.metadata.get("ptnotes", {}).get("snippet") for c in code_cells]
    for name in sorted({s for s in snippets if s in PREPARERS}):
        PREPARERS[name](workdir)
    try:
        record_property("run_seconds", harness.execute_notebook(nb, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    problems = []
    for cell in code_cells:
        snippet = cell.metadata.get("ptnotes", {}).get("snippet")
        if not snippet:
            continue
        path = harness.REPO / snippet
        expected = harness.expected_output_path(path)
        if not expected.exists():
            continue
        tolerance = harness.parse_tolerance(path.read_text(encoding="utf-8"))
        got = _stdout(cell)
        if not harness.output_matches(expected.read_text(encoding="utf-8"), got, tolerance):
            problems.append(
                f"{snippet} 在 Notebook 里的输出与 .out 不同：\n"
                + harness.describe_mismatch(expected.read_text(encoding="utf-8"), got, tolerance)
            )
    assert not problems, "\n\n".join(problems)
