"""页面源文件的读法：读取 mkdocs.yml、用站点同一套配置展开 --8<--、扫描围栏代码块。

站点钩子（按章节生成 Notebook）与测试（收集并运行代码块）都用这里，保证两边看到的是同一份页面。
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path

import markdown
import yaml
from pymdownx.snippets import SnippetPreprocessor

REPO = Path(__file__).resolve().parents[1]

# 围栏代码块的语言 -> 运行方式。pytest-codeblocks 自己只认 python / sh / bash，
# 这里把所有 Python 与 shell 的写法（包括带属性的 ```python title="x.py"）都收进来。
RUNNABLE_LANGS = {
    "python": "python",
    "py": "python",
    "python3": "python",
    "py3": "python",
    "pycon": "pycon",
    "bash": "bash",
    "sh": "bash",
    "shell": "bash",
    "console": "bash",
    "zsh": "bash",
}

SNIPPET_LINE = re.compile(r"""^\s*-{1,}8<-{1,}\s+(["'])(?P<target>[^"']+)\1\s*$""")
FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.DOTALL)
# 测试中跳过的代码块前的标记，以及其中的原因（站点把原因显示在页面上，章节 Notebook 也写明）
SKIP_MARK = re.compile(
    r"^(?P<indent>[ \t]*)<!--\s*pytest\.mark\.(?P<kind>skipif|skip)\((?P<args>.*)\)\s*-->\s*$",
    re.MULTILINE,
)
REASON = re.compile(r"""reason\s*=\s*(["'])(?P<reason>.*?)\1""")
# 段落里的换行在浏览器（和 Jupyter）里会显示成一个空格；两边都是中文（或全角标点）时这个空格是多余的
CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d"
CJK_BREAK = re.compile(rf"(?<=[{CJK}])[ \t]*\n[ \t]*(?=[{CJK}])")
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")


# ---------------------------------------------------------------------------
# 读取 mkdocs.yml 与展开 --8<--
# ---------------------------------------------------------------------------


class _LenientLoader(yaml.SafeLoader):
    """能读 mkdocs.yml 的 YAML 加载器：忽略 !!python/... 这类标签。"""


def _ignore_tag(loader, tag_suffix, node):  # noqa: ARG001
    return None


_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_LenientLoader.add_multi_constructor("!", _ignore_tag)


@cache
def mkdocs_config() -> dict:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)


@cache
def snippets_config() -> dict:
    for ext in mkdocs_config()["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            return dict(ext["pymdownx.snippets"])
    raise RuntimeError("mkdocs.yml 里没有配置 pymdownx.snippets")


def expand_markdown(text: str) -> str:
    """用站点同一套 pymdownx.snippets 配置展开 --8<--，得到页面真正显示的 Markdown。"""
    config = snippets_config()
    # base_path 相对仓库根目录；测试从任何目录启动都要能找到文件
    bases = [str(REPO / b) for b in config.get("base_path", ["."])]
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={
            "pymdownx.snippets": {
                "base_path": bases,
                "check_paths": True,
                # 术语表缩写只影响渲染，不影响代码；展开时不追加，行号与源文件对应更直观
                "auto_append": [],
            }
        },
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


# ---------------------------------------------------------------------------
# 独立的围栏扫描器（用来核对 pytest-codeblocks 有没有漏收代码块）
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class Fence:
    lineno: int  # 围栏开始行，1 起
    indent: str
    lang: str  # 小写的语言名，没有则为空串
    info: str
    body: list[str]

    @property
    def kind(self) -> str | None:
        return RUNNABLE_LANGS.get(self.lang)


def fence_lang(info: str) -> str:
    info = info.strip()
    if info.startswith("{"):
        # ``` {.python title="x"} 这种属性写法
        m = re.search(r"\.([\w+-]+)", info)
        return m.group(1).lower() if m else ""
    m = re.match(r"[\w+-]+", info)
    return m.group(0).lower() if m else ""


def scan_fences(text: str) -> list[Fence]:
    lines = text.split("\n")
    fences: list[Fence] = []
    i = 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        fence = m.group("fence")
        start = i
        body = []
        i += 1
        while i < len(lines):
            stripped = lines[i].strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) == {fence[0]}:
                break
            body.append(lines[i])
            i += 1
        fences.append(
            Fence(
                lineno=start + 1,
                indent=m.group("indent"),
                lang=fence_lang(m.group("info")),
                info=m.group("info").strip(),
                body=body,
            )
        )
        i += 1
    return fences


def strip_section_marks(code: str) -> str:
    """去掉分段标记行（``# --8<-- [start:名字]``）：页面嵌入整个文件时 pymdownx.snippets 也这样做，
    判断用的是它自己的正则，所以两边对“哪一行是标记”的认定一致。"""
    match = SnippetPreprocessor.RE_SNIPPET_SECTION.match
    kept = []
    for line in code.splitlines(keepends=True):
        m = match(line.rstrip("\n")) if "8<-" in line else None
        if m is None or m.group("escape"):
            kept.append(line)
    return "".join(kept)


def snippet_targets(body: list[str]) -> list[str]:
    """围栏正文里的 --8<-- 引用，去掉 :section 等后缀之前的原样目标。"""
    out = []
    for line in body:
        m = SNIPPET_LINE.match(line)
        if m:
            out.append(m.group("target"))
    return out


def target_file(target: str) -> str:
    """'snippets/a/b.py:section' -> 'snippets/a/b.py'。"""
    path = target
    m = re.match(r"^(.*?\.\w+)(:.*)?$", target)
    if m:
        path = m.group(1)
    return path
