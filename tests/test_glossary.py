"""统一用词：术语表里“统一用词”一节列出的不用写法，不得出现在各章正文与示例的注释、输出里。

词表只有一份，就是 docs/glossary.md 的“## 统一用词”表格；改词表不需要改这个文件。
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

import harness
import pytest

GLOSSARY = harness.DOCS / "glossary.md"
CHAPTERS = harness.DOCS / "chapters"
SECTION = "统一用词"
HAN = re.compile(r"[\u4e00-\u9fff]")
CODE = re.compile(r"`([^`]*)`")


@dataclass(frozen=True)
class Rule:
    bad: str  # 不用的写法
    good: str  # 改用的写法
    allowed: tuple[str, ...]  # 含有 bad、但本身正确的写法
    only_with: tuple[str, ...]  # 非空时，同一行出现其中之一才算违规

    @property
    def pattern(self) -> re.Pattern:
        word = re.escape(self.bad)
        if re.fullmatch(r"[A-Za-z][A-Za-z-]*", self.bad):
            # 英文按整词匹配（可带复数 s），num_workers、one_hot、worker_init_fn 这类标识符不算
            return re.compile(rf"(?<![A-Za-z0-9_-]){word}s?(?![A-Za-z0-9_-])")
        return re.compile(word)

    def hits(self, text: str, raw: str) -> bool:
        if self.only_with and not any(w in raw for w in self.only_with):
            return False
        for phrase in self.allowed:
            text = text.replace(phrase, " ")
        return bool(self.pattern.search(text))


def load_rules() -> list[Rule]:
    text = GLOSSARY.read_text(encoding="utf-8")
    m = re.search(rf"^## {SECTION}\s*$(.*?)(?=^## |\Z)", text, flags=re.MULTILINE | re.DOTALL)
    assert m, f"{harness.rel(GLOSSARY)} 里没有“## {SECTION}”一节"
    rows = [ln for ln in m.group(1).splitlines() if ln.startswith("|")]
    assert len(rows) >= 3, f"“{SECTION}”一节里没有表格"
    header = [c.strip() for c in rows[0].strip("|").split("|")]
    expected = ["不用", "改用", "例外写法", "仅当同一行含"]
    assert header[: len(expected)] == expected, (
        f"“{SECTION}”表头应以 {expected} 开头，实际是 {header}"
    )
    rules = []
    for row in rows[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        bad = CODE.findall(cells[0])
        assert len(bad) == 1, f"“不用”一列要写成一个行内代码：{row}"
        rules.append(
            Rule(
                bad=bad[0],
                good=cells[1],
                allowed=tuple(CODE.findall(cells[2])),
                only_with=tuple(CODE.findall(cells[3])),
            )
        )
    return rules


# --- 要检查的文字 -------------------------------------------------------------------


def clean_prose(line: str) -> str:
    """去掉行内代码、链接地址，以及不含中文的链接文字（英文文档标题）。"""
    line = CODE.sub(" ", line)
    line = re.sub(
        r"\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) if HAN.search(m.group(1)) else " ", line
    )
    return re.sub(r"https?://\S+", " ", line)


def page_lines(page: Path):
    """章节页面：front matter 与正文；代码块里的内容来自 snippets，另行检查。"""
    text = page.read_text(encoding="utf-8")
    skip: set[int] = set()
    for fence in harness.scan_fences(text):
        skip.update(range(fence.lineno, fence.lineno + len(fence.body) + 2))
    for lineno, line in enumerate(text.split("\n"), start=1):
        if lineno not in skip and "--8<--" not in line and not line.lstrip().startswith("<!--"):
            yield lineno, line, clean_prose(line)


def snippet_lines(path: Path):
    """示例：注释与字符串（含文档字符串）里带中文的行；.out 文件里带中文的行。

    只看带中文的行，是为了不去检查 PyTorch 自己打印的英文报错。
    """
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".out":
        for lineno, line in enumerate(text.split("\n"), start=1):
            if HAN.search(line):
                yield lineno, line, line
        return
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type not in (tokenize.COMMENT, tokenize.STRING):
            continue
        for offset, line in enumerate(tok.string.split("\n")):
            if HAN.search(line):
                yield tok.start[0] + offset, line, CODE.sub(" ", line)


def checked_targets() -> list[Path]:
    """每个章节页面一项，每个 snippets 子目录一项。"""
    pages = sorted(p for p in CHAPTERS.glob("*.md") if not p.name.startswith("_"))
    folders = sorted(
        d for d in harness.SNIPPETS.iterdir() if d.is_dir() and d.name != "__pycache__"
    )
    return pages + folders


def violations(target: Path, rules: list[Rule]) -> list[str]:
    if target.is_dir():
        files = sorted(p for p in target.rglob("*") if p.suffix in (".py", ".out"))
        return [v for f in files if "__pycache__" not in f.parts for v in violations(f, rules)]
    lines = page_lines(target) if target.suffix == ".md" else snippet_lines(target)
    found = []
    for lineno, raw, text in lines:
        for rule in rules:
            if rule.hits(text, raw):
                where = f"{harness.rel(target)}:{lineno}"
                found.append(f"{where}: “{rule.bad}”应写作“{rule.good}”：{raw.strip()}")
    return found


# --- 测试 -----------------------------------------------------------------------------


def test_glossary_rules_parse():
    rules = load_rules()
    assert rules, "“统一用词”表格是空的"
    table = GLOSSARY.read_text(encoding="utf-8").split(f"## {SECTION}")[0]
    for rule in rules:
        assert f"| {rule.good} |" in table, f"改用的“{rule.good}”应该在术语表的主表里有一行"
        for phrase in rule.allowed:
            assert rule.bad in phrase, f"例外写法“{phrase}”不含“{rule.bad}”，写错了列？"


def test_rules_match_what_they_should():
    """词表的匹配方式本身：整词、例外写法、同一行条件。"""
    worker = Rule("worker", "工作进程", ("工作进程（worker）",), ())
    assert worker.hits("开两个 worker 读数据", "")
    assert worker.hits("2 个 workers", "")
    assert not worker.hits("用两个工作进程（worker）读数据", "")
    assert not worker.hits("设置 num_workers=2 和 worker_init_fn", "")
    stride = Rule("步长", "步幅", (), ("stride",))
    assert stride.hits("步长是 (3, 1)", "x.stride() 的步长是 (3, 1)")
    assert not stride.hits("学习率决定步长", "学习率决定步长")


@pytest.mark.parametrize("target", checked_targets(), ids=harness.rel)
def test_preferred_terms(target):
    found = violations(target, load_rules())
    assert not found, "用了术语表“统一用词”里不用的写法：\n" + "\n".join(found)
