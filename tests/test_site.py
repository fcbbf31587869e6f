"""`mkdocs build --strict` 与构建结果的静态检查。"""

from __future__ import annotations

import json
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


def test_chinese_search_index_is_segmented(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
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
    for page in sorted((harness.DOCS / "chapters").glob("[0-9]*.md")):
        html = (built_site / "chapters" / page.stem / "index.html").read_text(encoding="utf-8")
        assert f"edit/main/docs/chapters/{page.name}" in html, f"{page.name} 没有编辑链接"
        assert "本章信息" in html, f"{page.name} 没有本章信息框"


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
