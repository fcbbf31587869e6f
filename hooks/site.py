"""站点构建钩子。

- 首页：把 <!-- chapter-list -->、<!-- beginner-path -->、<!-- weak-spot-path --> 换成
  由 docs/chapters/plan.yml 与各章 front matter 生成的内容；已写好的章节是链接，其余标“编写中”。
- 章节页：在一级标题下插入“本章信息”（难度、时长、先修、学习目标）。
- 被测试跳过的代码块：把 <!--pytest.mark.skip(reason="…")--> 里的原因显示在页面上。
- {{ pytorch_version }} 之类的占位符换成 mkdocs.yml 的 extra 里的值。
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "docs" / "chapters"

SKIP_MARK = re.compile(
    r"^(?P<indent>[ \t]*)<!--\s*pytest\.mark\.(?P<kind>skipif|skip)\((?P<args>.*)\)\s*-->\s*$",
    re.MULTILINE,
)
REASON = re.compile(r"""reason\s*=\s*(["'])(?P<reason>.*?)\1""")
# 段落里的换行在浏览器里会显示成一个空格；两边都是中文（或全角标点）时这个空格是多余的
CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d"
CJK_BREAK = re.compile(rf"(?<=[{CJK}])[ \t]*\n[ \t]*(?=[{CJK}])")
PRE_BLOCK = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL)
FRONT_MATTER = re.compile(r"^---\s*\n(.*?)\n---\s*\n", re.DOTALL)


def load_plan() -> list[dict]:
    return yaml.safe_load((CHAPTERS / "plan.yml").read_text(encoding="utf-8"))


def chapter_meta(file: str) -> dict | None:
    path = CHAPTERS / f"{file}.md"
    if not path.exists():
        return None
    m = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    return yaml.safe_load(m.group(1)) if m else {}


def _chapter_table() -> str:
    rows = [
        "| 章 | 标题 | 部分 | 难度 | 预计时间 | 状态 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for number, entry in enumerate(load_plan(), start=1):
        meta = chapter_meta(entry["file"])
        if meta is None:
            rows.append(f"| {number} | {entry['title']} | {entry['part']} | — | — | 编写中 |")
        else:
            title = meta.get("title", entry["title"])
            link = f"[{title}](chapters/{entry['file']}.md)"
            rows.append(
                f"| {number} | {link} | {entry['part']} | {meta.get('difficulty', '—')} "
                f"| {meta.get('time', '—')} | 已完成 |"
            )
    return "\n".join(rows)


def _chapter_ref(entry: dict) -> str:
    """已写好的章节给链接，还没写的给“标题（编写中）”。"""
    meta = chapter_meta(entry["file"])
    if meta is None:
        return f"{entry['title']}（编写中）"
    return f"[{meta.get('title', entry['title'])}](chapters/{entry['file']}.md)"


def _beginner_path() -> str:
    return "\n".join(
        f"{number}. {_chapter_ref(entry)}" for number, entry in enumerate(load_plan(), start=1)
    )


def _weak_spot_path() -> str:
    rows = ["| 如果你的薄弱环节是…… | 读这一章 |", "| --- | --- |"]
    rows.extend(f"| {entry['weak_spot']} | {_chapter_ref(entry)} |" for entry in load_plan())
    return "\n".join(rows)


MILESTONES = [
    ("张量操作熟练", ["02-tensors"]),
    ("神经网络模块掌握", ["03-autograd", "04-nn"]),
    ("数据加载与处理流程", ["06-data"]),
    ("模型训练与评估能力", ["05-optim-loss", "07-training", "08-saving"]),
    ("视觉应用实践", ["09-transfer-learning", "12-vision"]),
]


def _milestones() -> str:
    plan = {e["file"]: e for e in load_plan()}
    lines = [
        f"- [ ] **{name}**：" + "、".join(_chapter_ref(plan[c]) for c in chapters)
        for name, chapters in MILESTONES
    ]
    return _group("milestone", "\n".join(lines))


def _group(name: str, task_list: str, indent: str = "") -> str:
    """把任务列表包进带 data-ptn-group 的 div，progress.js 据此保存勾选状态。"""
    body = "\n".join(indent + line if line else line for line in task_list.split("\n"))
    return (
        f'{indent}<div class="ptn-group" data-ptn-group="{name}" markdown>\n\n'
        f"{body}\n\n{indent}</div>"
    )


def _progress_chapters() -> str:
    blocks = []
    for number, entry in enumerate(load_plan(), start=1):
        meta = chapter_meta(entry["file"])
        if meta is None:
            blocks.append(f"### 第 {number} 章 {entry['title']}\n\n编写中。")
            continue
        file = entry["file"]
        items = "\n".join(f"- [ ] {o}" for o in meta.get("objectives") or [])
        title = meta.get("title", entry["title"])
        blocks.append(
            f"### 第 {number} 章 [{title}](chapters/{file}.md)\n\n"
            f'<span class="ptn-title" data-ptn-title="{file}">{title}</span> '
            f'<span class="ptn-badge" data-ptn-done-badge="{file}"></span>\n\n'
            f'<div class="ptn-bar" data-ptn-bar="obj:{file}"></div>\n\n'
            + _group(f"obj:{file}", items)
        )
    return "\n\n".join(blocks)


def _info_box(meta: dict, file: str) -> str:
    lines = ['!!! info "本章信息"', ""]
    facts = []
    if meta.get("difficulty"):
        facts.append(f"难度：{meta['difficulty']}")
    if meta.get("time"):
        facts.append(f"预计用时：{meta['time']}")
    if facts:
        lines.append("    " + "　｜　".join(facts))
        lines.append("")
    prereq = meta.get("prerequisites") or []
    if prereq:
        links = []
        for p in prereq:
            m = chapter_meta(p)
            links.append(f"[{m.get('title', p)}]({p}.md)" if m is not None else p)
        lines.append("    先修：" + "、".join(links))
        lines.append("")
    objectives = meta.get("objectives") or []
    if objectives:
        lines.append("    学完本章，你应该（勾选会保存在本浏览器，并与学习进度页同步）：")
        lines.append("")
        lines.append(f'    <div class="ptn-bar" data-ptn-bar="obj:{file}"></div>')
        lines.append("")
        lines.append(_group(f"obj:{file}", "\n".join(f"- [ ] {o}" for o in objectives), "    "))
        lines.append("")
    lines.append(
        f'    <label class="ptn-done"><input type="checkbox" data-ptn-done="{file}"> 本章已完成</label>'
    )
    lines.append("")
    return "\n".join(lines)


def _fill(markdown: str, name: str, content: str) -> str:
    """把单独一行的 <!-- name --> 换成 content，保持占位符的缩进（例如在内容标签页里）。"""

    def replace(m: re.Match) -> str:
        indent = m.group(1)
        return "\n".join(indent + line if line else line for line in content.split("\n"))

    return re.sub(
        rf"^([ \t]*)<!-- {re.escape(name)} -->[ \t]*$", replace, markdown, flags=re.MULTILINE
    )


def _show_skip_reasons(markdown: str) -> str:
    def replace(m: re.Match) -> str:
        indent = m.group("indent")
        r = REASON.search(m.group("args"))
        reason = r.group("reason") if r else "（未写原因）"
        title = "测试中按条件跳过的示例" if m.group("kind") == "skipif" else "测试中不运行的示例"
        return f'{indent}!!! note "{title}"\n\n{indent}    {reason}\n\n{m.group(0)}'

    return SKIP_MARK.sub(replace, markdown)


def on_page_markdown(markdown, page, config, files):  # noqa: ARG001
    for key, value in (config.get("extra") or {}).items():
        if isinstance(value, str):
            markdown = markdown.replace("{{ " + key + " }}", value)

    if page.file.src_uri == "index.md":
        markdown = _fill(markdown, "chapter-list", _chapter_table())
        markdown = _fill(markdown, "beginner-path", _beginner_path())
        markdown = _fill(markdown, "weak-spot-path", _weak_spot_path())

    if page.file.src_uri == "progress.md":
        markdown = _fill(markdown, "progress-milestones", _milestones())
        markdown = _fill(markdown, "progress-chapters", _progress_chapters())

    if page.file.src_uri.startswith("chapters/") and page.meta.get("chapter"):
        file = Path(page.file.src_uri).stem
        box = _info_box(page.meta, file)
        # 放在一级标题之后；没有一级标题就放在最前面
        m = re.search(r"^# .*$", markdown, re.MULTILINE)
        if m:
            markdown = markdown[: m.end()] + "\n\n" + box + "\n" + markdown[m.end() :]
        else:
            markdown = box + "\n" + markdown
        # 笔记一节是最后一节：在页面末尾放一个随输入自动保存的笔记区
        markdown += f'\n\n<div class="ptn-notes" data-ptn-notes="{file}"></div>\n'

    return _show_skip_reasons(markdown)


def join_cjk_lines(html: str) -> str:
    """去掉中文之间因源文件换行而产生的空格；<pre> 里的代码与输出原样保留。"""
    parts = PRE_BLOCK.split(html)
    return "".join(part if i % 2 else CJK_BREAK.sub("", part) for i, part in enumerate(parts))


def on_page_content(html, page, config, files):  # noqa: ARG001
    return join_cjk_lines(html)
