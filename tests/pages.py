"""站点的页面与代码：读取 mkdocs.yml、展开 --8<--、扫描围栏，列出页面、Notebook 与 snippet 文件。

pytest-codeblocks 只认信息串恰好是 python / sh / bash 的围栏；这里有一个独立的围栏扫描器，
用来核对它有没有漏收，并把 ```py title="x" 之类的写法改写成它认识的样子。
"""

from __future__ import annotations

import dataclasses
import io
import re
import sys
from pathlib import Path

from pytest_codeblocks.main import extract_from_buffer

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))
DOCS = REPO / "docs"
SNIPPETS = REPO / "snippets"
IMAGES = DOCS / "assets" / "images"

from markdown_source import (  # noqa: E402,F401
    FENCE_OPEN,
    RUNNABLE_LANGS,
    SNIPPET_LINE,
    Fence,
    expand_markdown,
    fence_lang,
    mkdocs_config,
    scan_fences,
    snippet_targets,
    snippets_config,
    strip_section_marks,
    target_file,
)

# ---------------------------------------------------------------------------
# 页面里的代码块
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class DocBlock:
    page: Path
    index: int  # 页面里第几个可运行代码块，1 起
    lineno: int  # 展开后的行号
    kind: str  # python / pycon / bash
    code: str
    expected_output: str | None
    marks: list[str]
    sources: list[str]  # 这个块嵌入的 snippet 文件（仓库相对路径）
    whole_file: bool  # 块的内容是否恰好是一个完整的 snippet 文件
    source_lineno: int = 0  # 代码块在页面源文件（展开前）里的行号
    # 页面里第几个围栏（从 0 数，含不运行的围栏）；章节 Notebook 的单元按它对应
    fence_index: int = -1

    @property
    def name(self) -> str:
        label = f"block{self.index:02d}"
        if self.sources:
            label += f"[{Path(self.sources[0]).name}]"
        return label


@dataclasses.dataclass
class PageScan:
    page: Path
    blocks: list[DocBlock]
    runnable_fences: list[Fence]  # 扫描器看到的所有可运行围栏
    uncollected: list[Fence]  # 扫描器看到、但没有变成测试项的围栏


def _normalize_runnable_fences(expanded: str, fences: list[Fence]) -> str:
    """把 ```py title="x" 之类的开头改写成 pytest-codeblocks 认识的 ```python。"""
    lines = expanded.split("\n")
    canonical = {"python": "python", "pycon": "pycon", "bash": "bash"}
    for f in fences:
        if f.kind:
            m = FENCE_OPEN.match(lines[f.lineno - 1])
            lines[f.lineno - 1] = f"{m.group('indent')}{m.group('fence')}{canonical[f.kind]}"
    return "\n".join(lines)


def scan_page(page: Path) -> PageScan:
    source = page.read_text(encoding="utf-8")
    expanded = expand_markdown(source)
    src_fences = scan_fences(source)
    exp_fences = scan_fences(expanded)
    if len(src_fences) != len(exp_fences):
        raise RuntimeError(
            f"{page}: 展开 --8<-- 前后的围栏数量不同（{len(src_fences)} 对 {len(exp_fences)}），"
            "可能是被嵌入的文件里含有 ``` 围栏"
        )

    normalized = _normalize_runnable_fences(expanded, exp_fences)
    extracted = extract_from_buffer(io.StringIO(normalized), max_num_lines=100_000)
    by_line = {b.lineno: b for b in extracted}

    blocks: list[DocBlock] = []
    runnable: list[Fence] = []
    uncollected: list[Fence] = []
    exp_lines = expanded.split("\n")
    for number, (src_f, exp_f) in enumerate(zip(src_fences, exp_fences, strict=True)):
        if not exp_f.kind:
            continue
        runnable.append(exp_f)
        cb = by_line.get(exp_f.lineno)
        if cb is None:
            if _is_continuation(exp_lines, exp_f.lineno):
                continue  # 接在上一个块后面一起运行
            uncollected.append(exp_f)
            continue
        targets = [target_file(t) for t in snippet_targets(src_f.body)]
        whole = (
            len(targets) == 1
            and ":" not in snippet_targets(src_f.body)[0]
            and len([ln for ln in src_f.body if ln.strip()]) == 1
        )
        blocks.append(
            DocBlock(
                page=page,
                index=len(blocks) + 1,
                lineno=exp_f.lineno,
                kind=exp_f.kind,
                code=cb.code,
                expected_output=cb.expected_output,
                marks=list(cb.marks),
                sources=targets,
                whole_file=whole,
                source_lineno=src_f.lineno,
                fence_index=number,
            )
        )
    return PageScan(page=page, blocks=blocks, runnable_fences=runnable, uncollected=uncollected)


def _is_continuation(lines: list[str], lineno: int) -> bool:
    j = lineno - 2
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j >= 0 and re.match(r"<!--[-\s]*pytest-codeblocks:cont[-\s]*-->", lines[j].strip())


def markdown_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.startswith("_"))


def notebooks() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def snippet_files() -> list[Path]:
    return sorted(p for p in SNIPPETS.rglob("*.py") if "__pycache__" not in p.parts)


def rel(path: Path) -> str:
    """仓库内的文件给出相对路径；仓库外的（测试用的临时文件）原样给出。"""
    resolved = path.resolve()
    if resolved.is_relative_to(REPO):
        return resolved.relative_to(REPO).as_posix()
    return resolved.as_posix()


def expected_output_path(snippet: Path) -> Path:
    return snippet.with_suffix(".out")


def image_dir(snippet: Path) -> Path:
    """示例画的图提交到 docs/assets/images/<snippet 所在目录名>/ 下，页面从那里引用。"""
    return IMAGES / snippet.parent.name
