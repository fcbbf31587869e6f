"""章节 Notebook 里运行哪些示例、每个单元的输出与什么比对。

每一章的 Notebook（hooks/chapter_notebook.py 生成）在 portable 设置下从头执行
（``ATEN_CPU_CAPABILITY=default``、``OMP_NUM_THREADS=1``：读者的另一台机器，读者在 Jupyter 里运行）。
它的每个代码单元记着来自页面的第几个围栏；能对上页面代码块的单元，输出与页面上的输出块
（整个 snippet 文件的单元与 .out）按同样的容差比对。这样的单元就是这个示例在 portable 设置下的运行，
tests/test_examples.py 不再为它另起一遍脚本，只为 Notebook 覆盖不到的示例跑 portable：
不在章节页面上的、pycon 块、接着上一块运行的块、页面上跳过的块。
native 一遍仍然把每个示例作为脚本在空目录里运行（“复制到空文件夹就能运行”）。
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from pathlib import Path

from compare import Tolerance, describe_mismatch, output_matches, parse_tolerance
from pages import DOCS, REPO, DocBlock, expected_output_path, mkdocs_config, scan_page
from runner import MACHINES

sys.path.insert(0, str(REPO / "hooks"))

import chapter_notebook  # noqa: E402

# 这次测试运行用哪些机器设置（PTNOTES_MACHINES=native 只在调试时用）
SELECTED_MACHINES = os.environ.get("PTNOTES_MACHINES", ",".join(MACHINES)).split(",")
# 章节 Notebook 在哪种设置下执行：有 portable 时就是 portable
NOTEBOOK_MACHINE = "portable" if "portable" in SELECTED_MACHINES else SELECTED_MACHINES[0]


def block_tolerance(block: DocBlock) -> Tolerance:
    """页面块的输出容差：写在代码里（它嵌入的 snippet 文件里的声明也算）。"""
    texts = [block.code] + [(REPO / s).read_text(encoding="utf-8") for s in block.sources]
    return parse_tolerance(*texts)


@dataclasses.dataclass
class Check:
    """Notebook 里一个要比对输出的单元。"""

    cell: int  # 在 nb["cells"] 里的下标
    label: str
    expected: str
    tolerance: Tolerance
    snippet: str | None  # 整个 snippet 文件的单元：它的路径
    block: DocBlock | None  # 对应的页面代码块


@dataclasses.dataclass
class Plan:
    page: Path
    notebook: dict
    checks: list[Check]
    covered_blocks: set[int]  # 在 Notebook 里原样运行的页面块（DocBlock.fence_index）
    covered_snippets: set[str]  # 在 Notebook 里运行并与 .out 比对的 snippet 文件
    sources: list[str]  # 单元用到的 snippet 文件（准备数据用）


def chapter_pages() -> list[Path]:
    return sorted((DOCS / "chapters").glob("[0-9][0-9]-*.md"))


def _cell_code(cells: list[dict], index: int) -> str:
    """单元实际运行的页面代码：去掉 %%bash，脚本式单元取前一个 %%writefile 单元的内容。"""
    source = cells[index]["source"]
    if source.startswith("%%bash\npython ") and index > 0:
        previous = cells[index - 1]["source"]
        if previous.startswith("%%writefile "):
            return previous.split("\n", 1)[1]
    if source.startswith("%%bash\n"):
        return source.split("\n", 1)[1]
    return source


@functools.cache
def plan(page: Path) -> Plan:
    extra = mkdocs_config().get("extra", {})
    nb = chapter_notebook.build(page, extra)
    blocks = {b.fence_index: b for b in scan_page(page).blocks}
    checks: list[Check] = []
    covered_blocks: set[int] = set()
    covered_snippets: set[str] = set()
    sources: list[str] = []
    cells = nb["cells"]
    for index, cell in enumerate(cells):
        meta = cell.get("metadata", {}).get("ptnotes", {})
        if cell["cell_type"] != "code" or "fence" not in meta:
            continue
        block = blocks.get(meta["fence"])
        snippet = meta.get("snippet")
        if block is not None:
            sources.extend(block.sources)
        # 页面块的代码与单元逐字相同时，这个单元就是那个块的一次运行
        same = (
            block is not None
            and not block.marks
            and (_cell_code(cells, index).strip("\n") == block.code.strip("\n"))
        )
        if snippet:
            path = REPO / snippet
            out = expected_output_path(path)
            if out.exists():
                expected = out.read_text(encoding="utf-8")
                tolerance = parse_tolerance(path.read_text(encoding="utf-8"))
                checks.append(Check(index, snippet, expected, tolerance, snippet, None))
                covered_snippets.add(snippet)
        if same and block.expected_output is not None:
            label = f"{page.name} 第 {block.index} 个代码块"
            if block.sources:
                label += f"（{', '.join(block.sources)}）"
            tolerance = block_tolerance(block)
            checks.append(Check(index, label, block.expected_output, tolerance, None, block))
        if same:
            covered_blocks.add(block.fence_index)
    return Plan(page, nb, checks, covered_blocks, covered_snippets, sorted(set(sources)))


@functools.cache
def covered() -> tuple[frozenset[tuple[str, int]], frozenset[str]]:
    """章节 Notebook 覆盖的页面块（页面路径, 围栏序号）与 snippet 文件。"""
    blocks: set[tuple[str, int]] = set()
    snippets: set[str] = set()
    for page in chapter_pages():
        p = plan(page)
        blocks |= {(str(page), i) for i in p.covered_blocks}
        snippets |= p.covered_snippets
    return frozenset(blocks), frozenset(snippets)


def block_runs_in_notebook(block: DocBlock) -> bool:
    return (str(block.page), block.fence_index) in covered()[0]


def snippet_runs_in_notebook(snippet: str) -> bool:
    return snippet in covered()[1]


def cell_stdout(cell: dict) -> str:
    """单元的标准输出（内核可能把它切成几段，拼起来）。"""
    return "".join(
        out.get("text", "")
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stdout"
    )


def mismatches(p: Plan, executed: dict, machine: str) -> list[str]:
    """执行过的 Notebook 里，输出与期望不符的单元（每个一段说明）。"""
    problems = []
    for check in p.checks:
        got = cell_stdout(executed["cells"][check.cell])
        if not output_matches(check.expected, got, check.tolerance):
            what = "与 .out" if check.snippet else "与页面上的输出块"
            problems.append(
                f"{check.label} 在 Notebook 里（{machine}）的输出{what}不同：\n"
                + describe_mismatch(check.expected, got, check.tolerance)
            )
    return problems
