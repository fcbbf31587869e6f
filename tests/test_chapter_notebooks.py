"""每一章生成的 Notebook（hooks/chapter_notebook.py）从头到尾执行一遍。

Notebook 是读者在 Jupyter 或 Colab 里拿到的整章：同一份文字、同一批示例，放在一个内核里依次运行。
这里证明它真的能从上到下跑通（示例之间不会互相干扰），而且每个示例单元的输出与页面上的一致。
运行前，把本章示例需要的数据按真实格式写进工作目录（与单独运行示例时相同的准备函数）。

Notebook 在 portable 设置下执行（读者的另一台机器：另一种 CPU 内核、单线程），
它的单元同时就是这些示例的 portable 运行：页面上每个输出块、每个 .out 都按示例声明的容差比对，
tests/test_examples.py 因此不再为它们另跑一遍 portable 脚本（见 tests/notebook_plan.py）。
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import harness
import notebook_plan
import pytest
from fixtures import PREPARERS

MACHINE = notebook_plan.NOTEBOOK_MACHINE


@pytest.mark.parametrize("page", notebook_plan.chapter_pages(), ids=lambda p: p.stem)
def test_chapter_notebook_runs_top_to_bottom(page: Path, record_property):
    import nbformat

    plan = notebook_plan.plan(page)
    nb = nbformat.from_dict(plan.notebook)
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    assert code_cells, f"{page.name} 生成的 Notebook 没有代码单元"
    record_property("machine", MACHINE)

    workdir = Path(tempfile.mkdtemp(prefix="ptnotes-chnb-"))
    for name in plan.sources:
        if name in PREPARERS:
            PREPARERS[name](workdir)
    try:
        record_property("run_seconds", harness.execute_notebook(nb, workdir, MACHINE))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    problems = notebook_plan.mismatches(plan, nb, MACHINE)
    assert not problems, "\n\n".join(problems)
