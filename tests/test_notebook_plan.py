"""章节 Notebook 代替 portable 脚本运行的那部分：单元与页面块对得上，比对能发现不同。

这些测试不执行 Notebook，只检查计划本身；执行在 test_chapter_notebooks.py。
"""

from __future__ import annotations

import copy
from pathlib import Path

import harness
import notebook_plan
import pytest
from pages import strip_section_marks

PAGES = notebook_plan.chapter_pages()


def _filled(plan: notebook_plan.Plan) -> dict:
    """假装执行过：每个要比对的单元输出恰好是期望的文字。"""
    nb = copy.deepcopy(plan.notebook)
    for check in plan.checks:
        nb["cells"][check.cell]["outputs"] = [
            {"output_type": "stream", "name": "stdout", "text": check.expected}
        ]
    return nb


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_page_block_with_output_is_checked_in_the_notebook(page: Path):
    plan = notebook_plan.plan(page)
    checked = {c.block.fence_index for c in plan.checks if c.block is not None}
    for block in harness.scan_page(page).blocks:
        if block.fence_index not in plan.covered_blocks:
            # 没有被 Notebook 覆盖的块必须是页面上跳过或有条件运行的块，它们仍作为脚本运行
            assert block.marks, f"{page.name} 第 {block.index} 个代码块不在 Notebook 里运行"
            continue
        if block.expected_output is not None:
            assert block.fence_index in checked, (
                f"{page.name} 第 {block.index} 个代码块有输出块，但 Notebook 不比对它"
            )


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_checked_cells_run_exactly_the_page_code(page: Path):
    plan = notebook_plan.plan(page)
    cells = plan.notebook["cells"]
    for check in plan.checks:
        if check.block is not None:
            code = notebook_plan._cell_code(cells, check.cell)
            assert code.strip("\n") == check.block.code.strip("\n")
        if check.snippet is not None:
            # 页面与 Notebook 里没有分段标记行（# --8<-- [start:名字]），其余逐字相同
            text = (harness.REPO / check.snippet).read_text(encoding="utf-8")
            code = notebook_plan._cell_code(cells, check.cell)
            assert code.strip("\n") == strip_section_marks(text).strip("\n"), check.snippet


def test_every_snippet_file_is_checked_in_some_notebook_or_runs_portable_as_a_script():
    import test_examples

    for path in harness.snippet_files():
        name = harness.rel(path)
        in_notebook = notebook_plan.snippet_runs_in_notebook(name)
        machines = test_examples._machines_for(in_notebook)
        assert in_notebook or set(machines) == set(notebook_plan.SELECTED_MACHINES), name
        assert "native" in machines or "native" not in notebook_plan.SELECTED_MACHINES


def test_notebook_outputs_that_match_pass():
    plan = notebook_plan.plan(PAGES[1])
    assert plan.checks
    assert notebook_plan.mismatches(plan, _filled(plan), "portable") == []


def test_a_changed_number_in_a_notebook_cell_fails():
    plan = notebook_plan.plan(PAGES[1])
    nb = _filled(plan)
    for check in plan.checks:
        text = check.expected
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        if digits:
            i = digits[0]
            wrong = text[:i] + str((int(text[i]) + 5) % 10) + text[i + 1 :]
            nb["cells"][check.cell]["outputs"][0]["text"] = wrong
            break
    problems = notebook_plan.mismatches(plan, nb, "portable")
    # 同一个单元可能同时与 .out 和页面输出块比对：两处都报，别的单元不报
    same_cell = [c.label for c in plan.checks if c.cell == check.cell]
    assert problems and len(problems) == len(same_cell)
    assert any(check.label in p for p in problems)


def test_missing_output_in_a_notebook_cell_fails():
    plan = notebook_plan.plan(PAGES[1])
    nb = _filled(plan)
    nb["cells"][plan.checks[0].cell]["outputs"] = []
    assert len(notebook_plan.mismatches(plan, nb, "portable")) >= 1
