"""站点构建钩子。

- 首页：把 <!-- chapter-list -->、<!-- beginner-path -->、<!-- weak-spot-path --> 换成
  由 docs/chapters/plan.yml 与各章 front matter 生成的内容；已写好的章节是链接，其余标“编写中”。
- 章节页：在一级标题下插入“本章信息”（难度、时长、先修、学习目标）。
- 被测试跳过的代码块：把 <!--pytest.mark.skip(reason="…")--> 里的原因显示在页面上。
- {{ pytorch_version }} 之类的占位符换成 mkdocs.yml 的 extra 里的值。
- 站点地址与仓库链接：只由环境变量 PTNOTES_REPOSITORY（owner/name）决定，发布工作流填入；
  本地没有设置时站点地址是 make serve 的地址，页面上不出现仓库链接。
- 阅读体验（issue 8）：代码块不进搜索索引；公式统一成 KaTeX 渲染的形式；Notebook 页的标题、
  小节锚点、公式与图片说明；学习目标的文字也能点选；搜索索引拆成按需加载的全文与一个小占位文件。
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from markdown_source import CJK_BREAK, FRONT_MATTER, REASON, SKIP_MARK  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "docs" / "chapters"

PRE_BLOCK = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL)


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
    ("部署与性能优化", ["10-deployment", "11-performance"]),
    ("序列与语言建模", ["13-nlp", "15-time-series"]),
    ("生成模型与强化学习", ["14-generative", "16-reinforcement-learning"]),
    ("生态与调试", ["17-ecosystem", "18-faq"]),
    ("负责任地使用深度学习", ["19-ethics"]),
    ("完成一个综合项目", ["20-project"]),
]


def _milestones() -> str:
    plan = {e["file"]: e for e in load_plan()}
    lines = []
    for name, chapters in MILESTONES:
        refs = "、".join(_chapter_ref(plan[c]) for c in chapters)
        if all(chapter_meta(c) is not None for c in chapters):
            lines.append(f"- [ ] **{name}**：{refs}")
        else:
            # 还有章节没写完的里程碑不给勾选框：读者无法真正完成它
            lines.append(f"- **{name}**：{refs}（相关章节上线后才能勾选）")
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


def _info_box(meta: dict, file: str, directory_urls: bool = True) -> str:
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
    # Notebook 由 hooks/chapter_notebook.py 写在 site/chapters/ 下，与章节页同级
    href = f"../{file}.ipynb" if directory_urls else f"{file}.ipynb"
    lines.append(
        f'    <a class="md-button ptn-notebook" href="{href}" download>下载本章 Notebook</a>　'
        "由本页的文字与示例生成，可以在 Jupyter 或 Colab 里从头运行。"
    )
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


SEARCH_DEMOTED = {"index.md", "glossary.md", "progress.md", "resources.md"}
SEARCH_DEMOTED_BOOST = 0.3
# 只列链接的小节同样排在讲解之后
SEARCH_DEMOTED_SECTIONS = {"参考链接"}


def on_page_markdown(markdown, page, config, files):  # noqa: ARG001
    for key, value in (config.get("extra") or {}).items():
        if isinstance(value, str):
            markdown = markdown.replace("{{ " + key + " }}", value)

    # 导航与清单类页面（首页、术语表、进度、资源）在搜索里排在讲解之后：它们只是一行行地
    # 提到某个词，讲清它的是章节正文
    if page.file.src_uri in SEARCH_DEMOTED:
        search = page.meta.setdefault("search", {})
        search.setdefault("boost", SEARCH_DEMOTED_BOOST)

    if page.file.src_uri == "index.md":
        markdown = _fill(markdown, "chapter-list", _chapter_table())
        markdown = _fill(markdown, "beginner-path", _beginner_path())
        markdown = _fill(markdown, "weak-spot-path", _weak_spot_path())

    if page.file.src_uri == "progress.md":
        markdown = _fill(markdown, "progress-milestones", _milestones())
        markdown = _fill(markdown, "progress-chapters", _progress_chapters())

    if page.file.src_uri.startswith("chapters/") and page.meta.get("chapter"):
        file = Path(page.file.src_uri).stem
        box = _info_box(page.meta, file, config.get("use_directory_urls", True))
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
    html = join_cjk_lines(html)
    if page.file.src_uri.endswith(".ipynb"):
        html = notebook_html(html)
    html = normalize_math(html)
    html = label_task_items(html)
    html = focusable_code(html)
    return exclude_code_from_search(html)


# ---------------------------------------------------------------------------
# 站点地址与仓库链接：一个设置
# ---------------------------------------------------------------------------

REPOSITORY_ENV = "PTNOTES_REPOSITORY"
LOCAL_URL = "http://127.0.0.1:8000/"


def site_addresses(repository: str | None) -> tuple[str, str | None, str | None]:
    """由 owner/name 得到 (站点地址, 仓库地址, 仓库名)；没有设置时是本地预览地址、没有仓库。"""
    repository = (repository or "").strip().strip("/")
    if not repository:
        return LOCAL_URL, None, None
    owner, name = repository.split("/")
    host = f"{owner.lower()}.github.io"
    site = f"https://{host}/" if name.lower() == host else f"https://{host}/{name}/"
    return site, f"https://github.com/{owner}/{name}", name


def on_config(config):
    site, repo, name = site_addresses(os.environ.get(REPOSITORY_ENV))
    if repo:
        config.site_url = site
        config.repo_url = repo
        config.repo_name = name
    else:
        # 没有仓库：不显示编辑与查看源码按钮（相对的 edit_uri 没有仓库地址可接）
        config.edit_uri = None
        if not config.site_url:
            config.site_url = site
    return config


# ---------------------------------------------------------------------------
# 页面 HTML 的加工（在插件之后运行：glightbox 已经给图片包上了链接）
# ---------------------------------------------------------------------------

# 代码块与输出块不进搜索索引：搜索结果的预览显示讲解文字，而不是整个代码文件。
# data-search-exclude 由 Material 的搜索插件识别，建索引后它会把这个属性从页面上删掉。
CODE_BLOCK = re.compile(r'<div class="((?:[^"]*\s)?highlight(?:\s[^"]*)?)"')
# Notebook 的代码、输出、提示符与复制按钮。Material 的索引解析器按标签名（div）记录被排除的元素，
# 遇到第一个 </div> 就结束排除，所以只能标在不再嵌套 div 的最内层元素上
NB_CODE_CELL = re.compile(
    r'<div class="((?:highlight-ipynb|clipboard-copy-txt|zeroclipboard-container|jp-InputPrompt'
    r'|jp-OutputPrompt|jp-RenderedText|jp-RenderedHTMLCommon jp-RenderedHTML\b)[^"]*)"'
)
# pymdownx.arithmatex（generic）的输出去掉 \( \) 与 \[ \] 定界符：公式由 katex-init.js 按元素
# 渲染（span 行内、div 独立成行），搜索预览里显示公式本身而不是定界符
INLINE_MATH = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
BLOCK_MATH = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.DOTALL)
# Notebook 的 Markdown 单元格里的 $…$、$$…$$（nbconvert 原样保留）
PROTECTED = re.compile(
    r"(<script\b.*?</script>|<style\b.*?</style>|<pre\b.*?</pre>|<code\b.*?</code>"
    r"|<textarea\b.*?</textarea>|<[^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
NB_BLOCK_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
NB_INLINE_MATH = re.compile(r"(?<![\\$\w])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![\w$])")
NB_HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', re.DOTALL)
NB_ANCHOR = re.compile(r'<a class="anchor-link" href="[^"]*">¶</a>')
NB_MISSING_ALT = 'alt="No description has been provided for this image"'
NB_CODE_TEXT = re.compile(r'<div class="clipboard-copy-txt"[^>]*>(.*?)</div>', re.DOTALL)
PLOT_TITLE = re.compile(r"""(?:set_title|suptitle|plt\.title)\(\s*f?(["'])(.+?)\1""")
# 任务列表：把条目文字放进 <label>，点文字也能勾选，复选框也因此有了可读的名字
TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input[^>]*>'
    r'<span class="task-list-indicator"></span>)</label>'
    r"((?:(?!</li>|<li\b|<ul\b|<ol\b).)*)</li>",
    re.DOTALL,
)


SCROLLABLE_CODE = re.compile(
    r'(<pre[^>]*><span></span><code)>|(<div class="highlight-ipynb[^"]*")>'
)


def focusable_code(html: str) -> str:
    """代码块横向可滚动时，键盘用户要能把焦点移进去（axe：scrollable-region-focusable）。
    Material 只在有鼠标的设备上、代码块进入视口后才加 tabindex；这里在 HTML 里先加上，
    a11y.js 在 Material 去掉它时给仍可滚动的代码块补回来。"""
    return SCROLLABLE_CODE.sub(lambda m: (m.group(1) or m.group(2)) + ' tabindex="0">', html)


def exclude_code_from_search(html: str) -> str:
    html = CODE_BLOCK.sub(r'<div class="\1" data-search-exclude="code"', html)
    return NB_CODE_CELL.sub(r'<div class="\1" data-search-exclude="code"', html)


def normalize_math(html: str) -> str:
    html = INLINE_MATH.sub(r'<span class="arithmatex">\1</span>', html)
    return BLOCK_MATH.sub(r'<div class="arithmatex">\1</div>', html)


def label_task_items(html: str) -> str:
    return TASK_ITEM.sub(r'\1<span class="task-list-text">\2</span></label></li>', html)


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", fragment).replace("¶", "")).strip()


def _slug(text: str, used: set[str]) -> str:
    base = re.sub(r"[^\w\u4e00-\u9fff-]+", "-", text.lower()).strip("-") or "section"
    slug, n = base, 1
    while slug in used:
        n += 1
        slug = f"{base}-{n}"
    used.add(slug)
    return slug


def notebook_html(html: str) -> str:
    """mkdocs-jupyter 输出的加工：公式交给 KaTeX、小节有锚点、图片有说明。"""
    # 公式：只在标签、代码与脚本之外的文字里找
    parts = PROTECTED.split(html)
    for i in range(0, len(parts), 2):
        text = NB_BLOCK_MATH.sub(r'<div class="arithmatex">\1</div>', parts[i])
        parts[i] = NB_INLINE_MATH.sub(r'<span class="arithmatex">\1</span>', text)
    html = "".join(parts)

    # 标题：一级标题就是页面标题（不单独成为搜索条目）；没有 id 的小节（如“小结”）补上 id；
    # Jupyter 的 ¶ 换成 Material 的 headerlink，搜索索引的标题里就不会带上 ¶
    used = set(re.findall(r'\bid="([^"]+)"', html))
    first = True

    def heading(m: re.Match) -> str:
        nonlocal first
        level, hid, inner = m.group(1), m.group(2), m.group(3)
        text = _text(inner)
        if level == "1" and first:
            first = False
            return f"<h1>{NB_ANCHOR.sub('', inner)}</h1>"
        if not hid:
            hid = _slug(text, used)
        inner = NB_ANCHOR.sub(f'<a class="headerlink" href="#{hid}" title="本节链接">¶</a>', inner)
        return f'<h{level} id="{hid}">{inner}</h{level}>'

    html = NB_HEADING.sub(heading, html)

    # 图片说明：nbconvert 给没有说明的图写的是一句英文占位话；换成“所在小节 + 子图标题”
    out, last = [], 0
    for m in re.finditer(re.escape(NB_MISSING_ALT), html):
        before = html[: m.start()]
        heads = NB_HEADING.findall(before)
        section = _text(heads[-1][2]) if heads else ""
        codes = NB_CODE_TEXT.findall(before)
        titles = [t[1] for t in PLOT_TITLE.findall(codes[-1])] if codes else []
        alt = f"Notebook 中“{section}”一节代码画出的图" if section else "Notebook 代码画出的图"
        if titles:
            alt += "，子图依次是：" + "；".join(titles)
        out.append(html[last : m.start()] + f'alt="{alt}"')
        last = m.end()
    out.append(html[last:])
    return "".join(out)


# ---------------------------------------------------------------------------
# 搜索索引：全文按需加载
# ---------------------------------------------------------------------------

FULL_INDEX = "search_index.full.json"


def split_search_index(site_dir: str | Path) -> None:
    """Material 在每个页面一打开就下载 search/search_index.json。把全文移到 FULL_INDEX，
    原位置只留配置与全文的地址；本站的搜索工作线程（assets/javascripts/workers/ptn-search.js）
    在读者第一次输入查询时才下载全文。"""
    index = Path(site_dir) / "search" / "search_index.json"
    if not index.exists():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    if not data.get("docs"):
        return
    for entry in data["docs"]:
        if entry["title"].replace("\u200b", "") in SEARCH_DEMOTED_SECTIONS:
            entry.setdefault("boost", SEARCH_DEMOTED_BOOST)
    full = index.with_name(FULL_INDEX)
    full.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    stub = {"config": {**data["config"], "ptn_index": f"search/{FULL_INDEX}"}, "docs": []}
    index.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), "utf-8")


def on_post_build(config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        # 离线版（file://）：Material 的 offline 插件随后把整个索引写进 search_index.js，
        # 页面从文件系统读取，不拆分
        return
    split_search_index(config.site_dir)
