"""把一章的页面变成一个 Jupyter Notebook：页面上的文字成为 Markdown 单元，嵌入的示例成为代码单元。

只有一份来源：Notebook 由页面源文件与它嵌入的 snippet 在构建时生成，不单独保存。
站点构建时（mkdocs.yml 的 hooks）把每章的 Notebook 写到 ``site/chapters/<章>.ipynb``，
章节信息框里有下载链接；测试（tests/test_chapter_notebooks.py）用同一个函数生成并从头执行每一本。

转换规则：
- front matter 去掉，``{{ pytorch_version }}`` 之类的占位符换成实际值；
- 可运行的 Python 代码块成为代码单元；页面上跟在后面的“输出”块不放进去（运行时会再产生）；
- 必须作为脚本运行的示例（用到 ``__file__``、spawn 启动方式、分布式启动、``torch.compile``，
  或声明了新进程）写成 ``%%writefile 文件名`` 加一个运行 ``python 文件名`` 的 ``%%bash`` 单元；
- shell 代码块成为 ``%%bash`` 单元；测试中跳过的代码块只作为文字展示，并写明原因；
- 提示框（``!!!`` / ``???``）变成加粗标题加正文，站内链接与图片换成站点上的绝对地址。
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from markdown_source import (  # noqa: E402
    CJK_BREAK,
    FRONT_MATTER,
    REASON,
    SKIP_MARK,
    expand_markdown,
    scan_fences,
    snippet_targets,
    target_file,
)

ADMONITION = re.compile(
    r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+\"(?P<title>[^\"]*)\")?\s*$"
)
OUTPUT_MARK = "<!--pytest-codeblocks:expected-output-->"
# 这些示例在 Notebook 里写成脚本、用新进程运行：它们需要 __file__、另起进程，
# 或者会改动进程级的编译状态（torch.compile / Inductor 的配置与缓存），在同一个内核里接着运行会互相影响
SCRIPT_ONLY = re.compile(
    r"__file__|set_start_method|mp\.spawn|torch\.multiprocessing\.spawn|torch\.distributed\.run|"
    r"torchrun|torch\.compile|torch\._inductor|torch\._dynamo|"
    r"^[ \t]*#[ \t]*运行方式[:：][ \t]*新进程",
    re.MULTILINE,
)


def _cell(kind: str, source: str, metadata: dict | None = None) -> dict:
    cell = {"cell_type": kind, "metadata": metadata or {}, "source": source.strip("\n")}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def _site_link(target: str, page_dir: str, site_url: str) -> str:
    """页面里的相对链接 -> 站点上的绝对地址（Notebook 离开站点后仍然能点开）。"""
    if re.match(r"^[a-z]+:|^#", target) or not site_url:
        return target
    path, _, anchor = target.partition("#")
    parts = [p for p in (page_dir + "/" + path).split("/") if p not in ("", ".")]
    resolved: list[str] = []
    for part in parts:
        if part == "..":
            if resolved:
                resolved.pop()
        else:
            resolved.append(part)
    url = "/".join(resolved)
    if url.endswith(".md"):
        url = url[:-3] + "/"
        if url.endswith("index/"):
            url = url[: -len("index/")]
    return site_url.rstrip("/") + "/" + url + (f"#{anchor}" if anchor else "")


def _flatten_admonitions(lines: list[str]) -> list[str]:
    """提示框（!!! / ???）的标题行变成加粗标题，正文去掉缩进；行数不变，行号仍与围栏对应。"""
    out: list[str] = []
    stack: list[int] = []  # 各层提示框正文的缩进
    for line in lines:
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        while stack and stripped and indent < stack[-1]:
            stack.pop()
        m = ADMONITION.match(line)
        if m:
            stack.append(len(m.group("indent")) + 4)
            title = m.group("title")
            out.append(f"**{title}**" if title else "")
            continue
        cut = stack[-1] if stack else 0
        out.append(line[min(cut, indent) :] if stripped else "")
    return out


def _prose(lines: list[str], page_dir: str, site_url: str) -> str:
    """一段页面文字 -> Notebook 的 Markdown：去掉注释与缩写定义、改写链接。"""
    out: list[str] = []
    for text in lines:
        stripped = text.strip()
        if stripped.startswith("<!--") and stripped.endswith("-->"):
            continue
        if stripped.startswith("*[") and "]:" in stripped:
            continue  # 缩写定义只对站点有用
        text = re.sub(
            r"(!?\[[^\]]*\])\(([^)\s]+)\)",
            lambda m: f"{m.group(1)}({_site_link(m.group(2), page_dir, site_url)})",
            text,
        )
        text = re.sub(r"\{\s*[.#:][^}]*\}", "", text)  # attr_list 的 { .md-button } 之类
        out.append(text)
    joined = CJK_BREAK.sub("", "\n".join(out))
    return re.sub(r"\n{3,}", "\n\n", joined).strip("\n")


def build(page: Path, extra: dict | None = None, site_url: str = "") -> dict:
    """生成一章的 Notebook（nbformat 4 的 JSON 字典）。"""
    extra = extra or {}
    source = page.read_text(encoding="utf-8")
    meta_match = FRONT_MATTER.match(source)
    body = source[meta_match.end() :] if meta_match else source
    for key, value in extra.items():
        if isinstance(value, str):
            body = body.replace("{{ " + key + " }}", value)
    src_fences = scan_fences(body)
    expanded = expand_markdown(body)
    fences = scan_fences(expanded)
    lines = _flatten_admonitions(expanded.split("\n"))
    page_dir = "chapters"

    title = re.search(r"^# (.+)$", body, re.MULTILINE)
    if title:  # 一级标题放进第一个单元，正文里不再重复
        h1 = lines.index(title.group(0))
        lines[h1] = ""
    version = extra.get("pytorch_version", "")
    cells = [
        _cell(
            "markdown",
            f"# {title.group(1) if title else page.stem}\n\n"
            f"本 Notebook 由《PyTorch 学习笔记》的章节页面生成，文字与代码和页面完全相同"
            f"（示例在 PyTorch {version} 上测试）。从上到下依次运行即可；"
            "需要数据集或预训练权重的示例会在第一次运行时下载。",
        )
    ]
    pending: list[str] = []
    pos = 0
    skip_reason: str | None = None
    for number, (src, fence) in enumerate(zip(src_fences, fences, strict=True)):
        start = fence.lineno - 1
        end = start + len(fence.body) + 2
        before = lines[pos:start]
        # 输出块：页面上显示示例输出的块，在 Notebook 里由运行产生
        previous = [ln.strip() for ln in before if ln.strip()]
        is_output = bool(previous) and previous[-1] == OUTPUT_MARK
        marks = [SKIP_MARK.search(ln) for ln in before]
        marks = [m for m in marks if m]
        if marks:
            r = REASON.search(marks[-1].group("args"))
            skip_reason = r.group("reason") if r else "测试中不运行"
        pending.extend(before)
        pos = end
        code = textwrap.dedent("\n".join(fence.body))
        if is_output:
            continue
        if not fence.kind or fence.kind == "pycon":
            pending.extend(lines[start:end])
            continue
        if pending:
            text = _prose(pending, page_dir, site_url)
            if text:
                cells.append(_cell("markdown", text))
            pending = []
        if skip_reason is not None:
            lang = "python" if fence.kind == "python" else "bash"
            cells.append(
                _cell(
                    "markdown",
                    f"（这段代码不在测试中运行：{skip_reason}）\n\n```{lang}\n{code}\n```",
                )
            )
            skip_reason = None
            continue
        # 记下单元来自页面的第几个围栏（从 0 数），测试据此拿单元的输出与页面上的输出块比对
        tag = {"ptnotes": {"fence": number}}
        if fence.kind == "bash":
            cells.append(_cell("code", "%%bash\n" + code, tag))
            continue
        raw = snippet_targets(src.body)
        targets = [target_file(t) for t in raw]
        # 整个 snippet 文件成为一个单元时记下它的路径，测试据此拿单元的输出与 .out 比对
        whole = len(raw) == 1 and ":" not in raw[0] and len([x for x in src.body if x.strip()]) == 1
        if whole:
            tag["ptnotes"]["snippet"] = targets[0]
        if SCRIPT_ONLY.search(code) and targets:
            name = Path(targets[0]).name
            cells.append(_cell("code", f"%%writefile {name}\n{code}"))
            # %%bash 而不是 !python：它把 stdout 与 stderr 分开，并且命令失败时单元报错
            cells.append(_cell("code", f"%%bash\npython {name}", tag))
        else:
            cells.append(_cell("code", code, tag))
    pending.extend(lines[pos:])
    text = _prose(pending, page_dir, site_url)
    if text:
        cells.append(_cell("markdown", text))
    return {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def notebook_name(page: Path) -> str:
    return page.stem + ".ipynb"


# ---------------------------------------------------------------------------
# MkDocs 钩子：构建结束后为每一章写出 Notebook
# ---------------------------------------------------------------------------


def on_post_build(config, **kwargs):  # noqa: ARG001
    docs = Path(config["docs_dir"])
    site = Path(config["site_dir"])
    extra = dict(config.get("extra") or {})
    for page in sorted((docs / "chapters").glob("[0-9][0-9]-*.md")):
        nb = build(page, extra, config.get("site_url") or "")
        out = site / "chapters" / notebook_name(page)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
