"""`mkdocs build --strict` 与构建结果的静态检查。"""

from __future__ import annotations

import importlib.util
import json
import os
import re

import harness
import yaml

EXTERNAL_RESOURCE = re.compile(
    r"""<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=["'](?:https?:)?//"""
    r"""|<link\b[^>]*\bhref=["'](?:https?:)?//[^"']*["'][^>]*>""",
    re.IGNORECASE,
)
CSS_EXTERNAL = re.compile(r"""(?:@import|url\()\s*["']?(?:https?:)?//""", re.IGNORECASE)


def test_build_strict_passes(built_site):
    assert (built_site / "index.html").exists()
    assert (built_site / "search" / "search_index.json").exists()


def test_pages_load_nothing_from_other_hosts(built_site):
    offenders = []
    for html in built_site.rglob("*.html"):
        for m in EXTERNAL_RESOURCE.finditer(html.read_text(encoding="utf-8")):
            tag = m.group(0)
            # <link rel="canonical"> 等只是元数据，浏览器不会去请求
            if tag.lower().startswith("<link") and not re.search(
                r"""rel=["'](?:stylesheet|preload|prefetch|icon|modulepreload|preconnect|dns-prefetch)""",
                tag,
                re.IGNORECASE,
            ):
                continue
            offenders.append(f"{html.relative_to(built_site)}: {tag[:120]}")
    for css in built_site.rglob("*.css"):
        if CSS_EXTERNAL.search(css.read_text(encoding="utf-8", errors="replace")):
            offenders.append(str(css.relative_to(built_site)))
    assert not offenders, "页面会从外部主机加载资源：\n" + "\n".join(offenders[:20])


def full_search_index(site) -> dict:
    """全文索引（hooks/site.py 把它从 search_index.json 移到 search_index.full.json）。"""
    return json.loads((site / "search" / "search_index.full.json").read_text(encoding="utf-8"))


def test_chinese_search_index_is_segmented(built_site):
    index = full_search_index(built_site)
    assert index["config"]["lang"] == ["zh"]
    texts = " ".join(doc["text"] for doc in index["docs"])
    # jieba 分词后，Material 用零宽空格把词隔开；没有它，中文整句会被当成一个词
    assert "\u200b" in texts, "搜索索引里的中文没有被 jieba 分词（没装 jieba？）"
    assert "\u200b" in index["config"]["separator"] or "u200b" in index["config"]["separator"]


def test_home_page_lists_plan_and_version(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    plan = yaml.safe_load((harness.DOCS / "chapters" / "plan.yml").read_text(encoding="utf-8"))
    for entry in plan:
        assert entry["title"].split("（")[0] in html, f"首页没有列出 {entry['title']}"
        exists = (harness.DOCS / "chapters" / f"{entry['file']}.md").exists()
        if exists:
            assert f'href="chapters/{entry["file"]}/"' in html, f"首页没有链接到 {entry['file']}"
    assert "编写中" in html or all(
        (harness.DOCS / "chapters" / f"{e['file']}.md").exists() for e in plan
    )
    assert harness.mkdocs_config()["extra"]["pytorch_version"] in html


def test_chapter_pages_have_edit_link_and_info_box(built_site):
    repository = os.environ.get("PTNOTES_REPOSITORY")
    for page in sorted((harness.DOCS / "chapters").glob("[0-9]*.md")):
        html = (built_site / "chapters" / page.stem / "index.html").read_text(encoding="utf-8")
        if repository:
            edit = f"https://github.com/{repository}/edit/main/docs/chapters/{page.name}"
            assert edit in html, f"{page.name} 没有编辑链接"
        else:
            # 没有设置仓库时不显示指向不存在的仓库的链接
            assert 'rel="edit"' not in html
        assert "本章信息" in html, f"{page.name} 没有本章信息框"


def _hook():
    spec = importlib.util.spec_from_file_location("site_hook", harness.REPO / "hooks" / "site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_site_address_and_repository_come_from_one_setting(built_site):
    hook = _hook()
    assert hook.site_addresses("someone/pytorch-notes-zh") == (
        "https://someone.github.io/pytorch-notes-zh/",
        "https://github.com/someone/pytorch-notes-zh",
        "pytorch-notes-zh",
    )
    assert hook.site_addresses("someone/someone.github.io")[0] == "https://someone.github.io/"
    # 没有设置时：本地预览地址（make serve 的地址），没有仓库
    assert hook.site_addresses(None) == ("http://127.0.0.1:8000/", None, None)
    config = harness.mkdocs_config()
    assert "site_url" not in config and "repo_url" not in config, (
        "mkdocs.yml 不应写死站点地址或仓库（由 PTNOTES_REPOSITORY 决定）"
    )
    workflow = (harness.REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "PTNOTES_REPOSITORY: ${{ github.repository }}" in workflow
    if not os.environ.get("PTNOTES_REPOSITORY"):
        html = (built_site / "index.html").read_text(encoding="utf-8")
        assert "pytorch-notes-zh.github.io" not in html
        assert 'rel="canonical" href="http://127.0.0.1:8000/"' in html


def test_make_serve_watches_everything_pages_are_made_from():
    config = harness.mkdocs_config()
    assert {"snippets", "hooks", "includes", "overrides"} <= set(config.get("watch", []))
    readme = (harness.REPO / "README.md").read_text(encoding="utf-8")
    assert "http://127.0.0.1:8000/" in readme


def test_milestones_cover_every_chapter_after_the_intro(built_site):
    hook = _hook()
    plan = [e["file"] for e in hook.load_plan()]
    covered = [c for _, chapters in hook.MILESTONES for c in chapters]
    assert set(covered) <= set(plan), f"里程碑里有计划外的章节：{set(covered) - set(plan)}"
    missing = [c for c in plan[1:] if c not in covered]
    assert not missing, f"这些章节不属于任何里程碑：{missing}"
    # 章节都已上线的里程碑必须能勾选；还有章节没写的只显示说明
    html = (built_site / "progress" / "index.html").read_text(encoding="utf-8")
    group = re.search(r'data-ptn-group="milestone".*?</div>', html, re.DOTALL).group(0)
    items = re.findall(r"<li\b.*?</li>", group, re.DOTALL)
    assert len(items) == len(hook.MILESTONES)
    for (name, chapters), item in zip(hook.MILESTONES, items, strict=True):
        assert name in item
        ready = all(hook.chapter_meta(c) is not None for c in chapters)
        assert ('type="checkbox"' in item) == ready, f"里程碑 {name} 的勾选框与章节状态不符"


def test_search_index_has_prose_not_code(built_site):
    index = full_search_index(built_site)
    stub = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["ptn_index"] == "search/search_index.full.json"
    for doc in index["docs"]:
        assert "<pre" not in doc["text"], f"{doc['location']} 的索引文字里有代码块"
        assert "In\xa0[" not in doc["text"] and "Copied!" not in doc["text"], doc["location"]
        assert "¶" not in doc["title"], doc["location"]
    # 每个地址只对应一个条目：重复的地址会让 Material 把小节当成页面（Notebook 页曾显示成“小结¶”）
    locations = [doc["location"] for doc in index["docs"]]
    assert len(locations) == len(set(locations)), "搜索索引里有重复的地址"


def test_katex_is_referenced_only_by_pages_with_math(built_site):
    for html_file in built_site.rglob("index.html"):
        html = html_file.read_text(encoding="utf-8")
        has_math = 'class="arithmatex"' in html
        assert ("katex.min.js" in html) == has_math, html_file.relative_to(built_site)


def test_figures_have_opaque_backgrounds():
    """PNG 配图在深色模式下也要可读：背景不透明（matplotlib 默认白底）。"""
    from PIL import Image

    for png in sorted((harness.DOCS / "assets" / "images").rglob("*.png")):
        with Image.open(png) as image:
            rgba = image.convert("RGBA")
            w, h = rgba.size
            corners = [rgba.getpixel(xy) for xy in ((0, 0), (w - 1, 0), (0, h - 1), (w - 1, h - 1))]
        assert all(c[3] == 255 for c in corners), f"{png.name} 的背景是透明的"


def test_notebook_pages_show_outputs_and_can_be_downloaded(built_site):
    for nb in harness.notebooks():
        rel = nb.relative_to(harness.DOCS)
        html = (built_site / rel.with_suffix("") / "index.html").read_text(encoding="utf-8")
        assert "data:image/png;base64" in html, f"{rel} 页面上没有图（输出没显示？）"
        assert f'href="{nb.name}"' in html and "download" in html, f"{rel} 页面上没有下载按钮"
        copy = built_site / rel.with_suffix("") / nb.name
        assert copy.exists(), f"{rel} 没有被复制到站点里，下载按钮会 404"
        assert copy.read_bytes() == nb.read_bytes()


def test_skipped_blocks_show_reason_on_page(built_site):
    for page in harness.markdown_pages():
        text = page.read_text(encoding="utf-8")
        if "pytest.mark.skip" not in text:
            continue
        rel = page.relative_to(harness.DOCS)
        out = built_site / (
            "index.html" if rel.name == "index.md" else rel.with_suffix("") / "index.html"
        )
        assert "测试中" in out.read_text(encoding="utf-8"), f"{rel} 的跳过原因没有显示在页面上"


def test_abbreviations_have_tooltips_on_chapter_pages(built_site):
    """术语表里的缩写通过 snippets 的 auto_append 追加到每一页，出现处都带 title 提示。"""
    html = (built_site / "chapters" / "01-intro" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<abbr title="[^"]*Compute Unified Device Architecture[^"]*">CUDA</abbr>', html
    )
