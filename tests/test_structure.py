"""结构检查：约定是否被遵守（不运行示例，很快）。"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib

import harness
import pytest
import yaml

CHAPTERS = harness.DOCS / "chapters"
SECTIONS = ["要点", "代码示例", "习题", "参考链接", "笔记"]
MIN_SNIPPETS = 8
MIN_EXERCISES = 4
MAX_SKIP_RATIO = 0.05


def chapter_pages():
    return sorted(p for p in CHAPTERS.glob("*.md") if not p.name.startswith("_"))


def front_matter(page) -> dict:
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n", page.read_text(encoding="utf-8"), re.DOTALL)
    assert m, f"{harness.rel(page)} 缺少 YAML front matter"
    return yaml.safe_load(m.group(1))


@pytest.fixture(scope="module")
def scans():
    return {page: harness.scan_page(page) for page in harness.markdown_pages()}


# --- 代码块都被收集、都被运行 ------------------------------------------------


@pytest.mark.parametrize("page", harness.markdown_pages(), ids=harness.rel)
def test_every_runnable_fence_is_collected(page):
    scan = harness.scan_page(page)
    missing = [f"第 {f.lineno} 行 ```{f.info}" for f in scan.uncollected]
    assert not missing, (
        f"{harness.rel(page)} 有可运行语言的代码块没被测试收集（请用 ``` 围栏，"
        f"不要用 ~~~；或检查缩进）：{missing}"
    )


def test_every_snippet_is_embedded_and_has_output(scans):
    embedded: set[str] = set()
    for page in harness.markdown_pages():
        for fence in harness.scan_fences(page.read_text(encoding="utf-8")):
            embedded.update(harness.target_file(t) for t in harness.snippet_targets(fence.body))
    problems = []
    for snippet in harness.snippet_files():
        name = harness.rel(snippet)
        out = harness.expected_output_path(snippet)
        if name not in embedded:
            problems.append(f"{name} 没有被任何页面嵌入")
        if not out.exists():
            problems.append(f"{name} 缺少期望输出 {harness.rel(out)}")
        elif harness.rel(out) not in embedded:
            problems.append(f"{harness.rel(out)} 没有显示在任何页面上")
    for out in sorted(harness.SNIPPETS.rglob("*.out")):
        if not out.with_suffix(".py").exists():
            problems.append(f"{harness.rel(out)} 没有对应的 .py")
    assert not problems, "\n".join(problems)


def test_embedded_snippets_show_their_output(scans):
    problems = []
    for page, scan in scans.items():
        for block in scan.blocks:
            if not block.whole_file or block.marks:
                continue
            snippet = harness.REPO / block.sources[0]
            if harness.expected_output_path(snippet).exists() and block.expected_output is None:
                problems.append(
                    f"{harness.rel(page)} 第 {block.lineno} 行嵌入 {block.sources[0]}，但下面没有输出块"
                )
    assert not problems, "\n".join(problems)


def test_skips_are_rare_and_explained(scans):
    blocks = [b for scan in scans.values() for b in scan.blocks]
    skipped = [b for b in blocks if any("skip" in m for m in b.marks)]
    for b in skipped:
        for mark in b.marks:
            assert re.search(r"reason\s*=\s*['\"].+['\"]", mark), (
                f"{harness.rel(b.page)} 第 {b.lineno} 行的跳过标记没有写原因：{mark}"
            )
    assert len(skipped) <= MAX_SKIP_RATIO * max(len(blocks), 1) or len(skipped) <= 1, (
        f"跳过的代码块太多：{len(skipped)} / {len(blocks)}"
    )


def _text_after_output(page, block) -> str | None:
    """代码块下面那个输出块之后、下一个代码块或标题之前的文字（源文件里）。"""
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    fences = harness.scan_fences(text)
    after = [f for f in fences if f.lineno > block.source_lineno]
    if not after:
        return None
    output = after[0]
    start = output.lineno + len(output.body) + 1  # 输出块结束围栏之后的第一行（0 起的下标）
    end = after[1].lineno - 1 if len(after) > 1 else len(lines)
    tail = []
    for line in lines[start:end]:
        if line.startswith("#"):
            break
        tail.append(line)
    return "\n".join(tail)


def test_declared_tolerances_are_explained_on_the_page(scans):
    """声明了更宽输出容差的示例，页面上紧接输出的文字要告诉读者末位可能不同（含“容差”一词）。"""
    problems = tolerance_note_problems(scans)
    assert not problems, "\n".join(problems)


def tolerance_note_problems(scans) -> list[str]:
    problems = []
    for page, scan in scans.items():
        for block in scan.blocks:
            if block.expected_output is None:
                continue
            sources = [(harness.REPO / s).read_text(encoding="utf-8") for s in block.sources]
            tolerance = harness.parse_tolerance(block.code, *sources)
            if not tolerance.declared:
                continue
            after = _text_after_output(page, block) or ""
            if "容差" not in after:
                problems.append(
                    f"{harness.rel(page)} 第 {block.source_lineno} 行的示例声明了输出容差，"
                    "但输出块下面没有说明（写一句含“容差”的话：末位数字在其他机器上可能不同）"
                )
    return problems


FRESH_REASONS = re.compile(r"set_start_method|set_sharing_strategy")


def test_examples_that_need_a_new_interpreter_say_so():
    """在 import torch 之前改环境变量、或改变 multiprocessing 启动方式的示例，预热运行器无法照办，
    必须写明 `# 运行方式：新进程（原因）`，测试才会用新进程运行它。"""
    problems = []
    for snippet in harness.snippet_files():
        code = snippet.read_text(encoding="utf-8")
        if harness.needs_fresh_process(code):
            continue
        first_torch = re.search(r"^(?:import|from) torch", code, re.MULTILINE)
        head = code[: first_torch.start()] if first_torch else code
        if re.search(r"os\.environ(?:\[|\.setdefault|\.update)|putenv", head) or (
            FRESH_REASONS.search(code)
        ):
            problems.append(harness.rel(snippet))
    assert not problems, (
        "这些示例在 import torch 之前设置环境变量或改变启动方式，请加一行 "
        f"`# 运行方式：新进程（原因）`：{problems}"
    )


# --- 章节结构 ----------------------------------------------------------------


@pytest.mark.parametrize("page", chapter_pages(), ids=harness.rel)
def test_chapter_anatomy(page):
    meta = front_matter(page)
    for key in ("title", "chapter", "difficulty", "time", "prerequisites", "objectives"):
        assert key in meta, f"{harness.rel(page)} 的 front matter 缺少 {key}"
    assert meta["difficulty"] in ("入门", "进阶", "高级")
    assert meta["objectives"], "objectives 不能为空：它们是学习进度页上的条目"
    for objective in meta["objectives"]:
        # 目标按 Markdown 渲染在信息框和进度页上：裸写的 <pad> 会被当成 HTML 标签吞掉
        bare = re.sub(r"`[^`]*`", "", str(objective))
        assert not re.search(r"<[A-Za-z/]", bare), (
            f"{harness.rel(page)} 的学习目标里有裸写的尖括号，请放进反引号：{objective}"
        )

    text = page.read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+?)\s*$", text, re.MULTILINE)
    positions = [headings.index(s) if s in headings else -1 for s in SECTIONS]
    assert -1 not in positions, (
        f"{harness.rel(page)} 缺少必需的二级标题：{SECTIONS}，现有 {headings}"
    )
    assert positions == sorted(positions), f"{harness.rel(page)} 的二级标题顺序应为 {SECTIONS}"

    def section(name: str) -> str:
        start = text.index(f"## {name}")
        nxt = [text.find(f"\n## {s}", start + 1) for s in SECTIONS if s != name]
        ends = [n for n in nxt if n > start]
        return text[start : min(ends) if ends else len(text)]

    examples = section("代码示例")
    embedded = {
        harness.target_file(t)
        for f in harness.scan_fences(examples)
        if f.kind
        for t in harness.snippet_targets(f.body)
    }
    assert len(embedded) >= MIN_SNIPPETS, f"{harness.rel(page)} 的代码示例只有 {len(embedded)} 个"

    exercises = section("习题")
    parts = re.split(r"^### ", exercises, flags=re.MULTILINE)[1:]
    assert len(parts) >= MIN_EXERCISES, f"{harness.rel(page)} 的习题只有 {len(parts)} 道"
    for part in parts:
        title = part.splitlines()[0]
        assert '??? success "参考答案"' in part, f"习题“{title}”没有折叠的参考答案"
        runnable = [f for f in harness.scan_fences(part) if f.kind]
        assert runnable, f"习题“{title}”的参考答案里没有可运行的代码"

    links = section("参考链接")
    assert len(re.findall(r"\]\(https?://", links)) >= 3, "参考链接至少要有 3 个外部链接"


def test_chapters_are_planned_and_in_nav():
    plan = yaml.safe_load((CHAPTERS / "plan.yml").read_text(encoding="utf-8"))
    planned = [entry["file"] for entry in plan]
    nav_text = (harness.REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for page in chapter_pages():
        assert page.stem in planned, f"{page.name} 没有登记在 docs/chapters/plan.yml"
        assert f"chapters/{page.name}" in nav_text, f"{page.name} 不在 mkdocs.yml 的 nav 里"
        assert front_matter(page)["chapter"] == planned.index(page.stem) + 1, (
            f"{page.name} 的 chapter 编号与 plan.yml 中的顺序不一致"
        )


def test_images_under_snippet_dirs_are_used():
    pages = "\n".join(p.read_text(encoding="utf-8") for p in harness.markdown_pages())
    unused = []
    for image in sorted(harness.IMAGES.glob("*/*.png")):
        if f"{image.parent.name}/{image.name}" not in pages:
            unused.append(harness.rel(image))
    assert not unused, f"这些图没有被任何页面引用：{unused}"


# --- 版本与代码风格 ------------------------------------------------------------


def test_pytorch_versions_agree():
    pyproject = tomllib.loads((harness.REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pins = dict(
        re.match(r"([\w-]+)==(.+)", dep).groups()
        for dep in pyproject["dependency-groups"]["examples"]
        if "==" in dep
    )
    extra = harness.mkdocs_config()["extra"]
    assert pins["torch"] == extra["pytorch_version"]
    assert pins["torchvision"] == extra["torchvision_version"]

    import torch
    import torchvision

    assert torch.__version__.split("+")[0] == pins["torch"], (
        "安装的 torch 与 pyproject.toml 锁定的不同"
    )
    assert torchvision.__version__.split("+")[0] == pins["torchvision"]


def test_code_is_ruff_clean():
    paths = ["snippets", "tests", "tools", "hooks"]
    ruff = [sys.executable, "-m", "ruff"]
    check = subprocess.run(
        [*ruff, "check", *paths], cwd=harness.REPO, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    fmt = subprocess.run(
        [*ruff, "format", "--check", "snippets"], cwd=harness.REPO, capture_output=True, text=True
    )
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


# --- 中文排版 ------------------------------------------------------------------

HAN = r"[\u4e00-\u9fff]"
SPACING = re.compile(rf"{HAN}[A-Za-z0-9]|[A-Za-z0-9]{HAN}")
HALF_WIDTH = re.compile(rf"{HAN}[,;!?]|{HAN}\((?!http)|{HAN}:(?!//)")


def prose_lines(text: str):
    """页面正文里的散文行：去掉 front matter、代码块、HTML 注释、行内代码、链接地址与数学公式。"""
    front = re.match(r"^---\s*\n.*?\n---\s*\n", text, flags=re.DOTALL)
    skip = set(range(1, front.group(0).count("\n") + 1)) if front else set()
    for fence in harness.scan_fences(text):  # 与收集代码块用同一个围栏解析
        skip.update(range(fence.lineno, fence.lineno + len(fence.body) + 2))
    for lineno, line in enumerate(text.split("\n"), start=1):
        if lineno in skip:
            continue
        if "--8<--" in line or line.lstrip().startswith(("<!--", "*[", "|---", "| ---")):
            continue
        line = re.sub(r"`[^`]*`", " ", line)
        line = re.sub(r"\]\([^)]*\)", "] ", line)
        line = re.sub(r"\$[^$]*\$", " ", line)
        line = re.sub(r"<[^>]+>", " ", line)
        line = re.sub(r"https?://\S+", " ", line)
        yield lineno, line


@pytest.mark.parametrize("page", harness.markdown_pages(), ids=harness.rel)
def test_chinese_typography(page):
    problems = []
    for lineno, line in prose_lines(page.read_text(encoding="utf-8")):
        for m in SPACING.finditer(line):
            problems.append(f"第 {lineno} 行：中文与英文/数字之间缺空格：“{m.group(0)}”")
        for m in HALF_WIDTH.finditer(line):
            problems.append(f"第 {lineno} 行：中文句子里用了半角标点：“{m.group(0)}”")
    assert not problems, f"{harness.rel(page)}\n" + "\n".join(problems[:30])
