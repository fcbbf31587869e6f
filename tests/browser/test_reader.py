"""读者体验（issue 8）：中文搜索、两种配色下的图、手机上的图与触控目标、Notebook 页、
无障碍（axe-core）、学习目标的点选、KaTeX 与搜索索引只在需要时加载。"""

from __future__ import annotations

import re

import harness
import pytest
from site_search import type_query

DIAGRAM_PAGE = "/chapters/04-nn/"
NOTEBOOK = "/notebooks/basics/"


# ---------------------------------------------------------------------------
# 搜索
# ---------------------------------------------------------------------------


def search(page, site_url, query: str) -> list[dict]:
    """像读者一样在首页的搜索框里输入查询，返回结果：每项是一个页面及其小节。"""
    # 查询必须是读者会直接输入的样子：不含空格、零宽空格等索引的分隔符
    assert not re.search(r"[\s\u200b]", query), f"测试查询不应含分隔符：{query!r}"
    type_query(page, query)
    return page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__item')].map(li => ({
            links: [...li.querySelectorAll('a')].map(a => ({
                href: new URL(a.href).pathname + new URL(a.href).hash,
                title: a.querySelector('h1, h2')?.textContent ?? '',
                text: a.querySelector('.md-typeset')?.textContent ?? '',
            })),
        }))"""
    )


def page_of(link: dict) -> str:
    return link["href"].split("#")[0]


@pytest.mark.parametrize(
    ("query", "chapter"),
    [
        # issue 8 的四个查询
        ("混淆矩阵", "07-training"),
        ("权重衰减", "05-optim-loss"),
        ("梯度消失", "03-autograd"),
        # 本站自己的更多查询：多字词、跨越 jieba 与浏览器分词差别的词
        ("学习率调度器", "05-optim-loss"),
        ("数据增强", "06-data"),
        ("早停", "07-training"),
        ("断点续训", "08-saving"),
    ],
)
def test_search_puts_the_explaining_chapter_first(search_home, site_url, query, chapter):
    page, watch = search_home
    results = search(page, site_url, query)
    first = results[0]["links"]
    assert page_of(first[0]) == f"/chapters/{chapter}/", (
        f"搜索“{query}”排第一的页面是 {page_of(first[0])}，应是 {chapter}："
        + str([page_of(r["links"][0]) for r in results[:4]])
    )
    # 排第一的小节确实讲到了整个查询词（而不只是其中一半）
    if len(first) > 1 and not query.isascii():
        assert query in first[1]["title"] + first[1]["text"], first[1]
    assert watch.console_errors == []
    assert watch.external_requests == []


@pytest.mark.parametrize(
    ("query", "chapter"),
    [
        ("DataLoader", "06-data"),
        ("state_dict", "08-saving"),
        ("weights_only", "08-saving"),
        ("torch.compile", "11-performance"),
    ],
)
def test_search_finds_english_api_names(search_home, site_url, query, chapter):
    """英文 API 名照常可用：讲它的章节排在前两个页面里（后面的章节也可能专门讲它）。"""
    page, _ = search_home
    results = search(page, site_url, query)
    pages = [page_of(r["links"][0]) for r in results[:2]]
    assert f"/chapters/{chapter}/" in pages, pages


def test_search_for_memory_finds_an_explanation_not_the_glossary(search_home, site_url):
    page, _ = search_home
    results = search(page, site_url, "显存")
    first = results[0]["links"]
    assert page_of(first[0]).startswith("/chapters/"), (
        f"“显存”排第一的应是讲解它的章节，而不是 {page_of(first[0])}"
    )
    assert "显存" in first[1]["text"]


def test_gradient_vanishing_finds_the_autograd_section_on_it(search_home, site_url):
    page, _ = search_home
    results = search(page, site_url, "梯度消失")
    sections = [link for link in results[0]["links"][1:] if "#" in link["href"]]
    assert sections and "梯度消失" in sections[0]["text"]


def test_search_results_show_prose_without_zero_width_spaces(search_home, site_url):
    page, _ = search_home
    for query in ("张量", "优化器", "DataLoader"):
        results = search(page, site_url, query)
        for result in results:
            for link in result["links"]:
                assert "\u200b" not in link["title"] + link["text"], link
                # 预览是讲解文字，不是代码文件
                assert not re.search(r"^\s*(import |from \S+ import )", link["text"]), link
                assert not re.search(r"\n\s*(import|print\()", link["text"]), link


def test_notebook_result_has_real_title_and_rendered_text(search_home, site_url):
    page, _ = search_home
    results = search(page, site_url, "拟合直线")
    notebook = next(r for r in results if page_of(r["links"][0]) == NOTEBOOK)
    titles = [link["title"] for link in notebook["links"]]
    assert titles[0] == "基础概念（Notebook）", titles
    for link in notebook["links"]:
        text = link["title"] + link["text"]
        assert "¶" not in text and "$" not in text and "In [" not in text and "Copied!" not in text


def test_search_index_loads_only_when_searching(watched, site_url):
    page, _ = watched
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "/chapters/02-tensors/", wait_until="networkidle")
    assert not any("search_index.full" in u for u in requested), "打开页面时不应下载搜索全文"
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("张量")
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=20_000)
    assert any("search_index.full" in u for u in requested)


# ---------------------------------------------------------------------------
# 图：两种配色下都清楚；手机上能放大
# ---------------------------------------------------------------------------

SVGS = sorted(p for p in (harness.DOCS / "assets").rglob("*.svg") if "vendor" not in p.parts)

SVG_CONTRAST = """async (url) => {
  const holder = document.createElement('div');
  holder.style.cssText = 'position:fixed;left:0;top:0;z-index:9999;background:transparent';
  holder.innerHTML = await (await fetch(url)).text();
  document.body.appendChild(holder);
  const svg = holder.querySelector('svg');
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const page = parse(getComputedStyle(document.body).backgroundColor);
  const bad = [];
  for (const text of svg.querySelectorAll('text')) {
    if (!text.textContent.trim()) continue;
    const box = text.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    let bg = page;
    for (const el of document.elementsFromPoint(x, y)) {
      if (el === svg || !svg.contains(el)) break;
      if (['text', 'tspan', 'g'].includes(el.tagName)) continue;
      const style = getComputedStyle(el);
      const fill = parse(style.fill);
      if (style.fill === 'none' || fill.length < 3 || (fill.length > 3 && fill[3] < 1)) continue;
      if (Number(style.fillOpacity) < 1 || Number(style.opacity) < 1) continue;
      bg = fill.slice(0, 3);
      break;
    }
    const fg = parse(getComputedStyle(text).fill).slice(0, 3);
    const size = parseFloat(getComputedStyle(text).fontSize);
    const bold = Number(getComputedStyle(text).fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    const r = ratio(fg, bg);
    if (r < need) bad.push(`${text.textContent.trim().slice(0, 30)}：${r.toFixed(2)}:1`);
  }
  holder.remove();
  return bad;
}"""


@pytest.mark.parametrize("svg", SVGS, ids=lambda p: p.name)
def test_svg_text_is_readable_in_dark_mode(dark_home, site_url, svg):
    page, _ = dark_home
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    url = "/" + svg.relative_to(harness.DOCS).as_posix()
    bad = page.evaluate(SVG_CONTRAST, site_url + url)
    assert bad == [], f"{svg.name} 在深色模式下对比度不足（文字：对比度）：{bad}"


def test_diagrams_are_shown_as_drawn_in_dark_mode(dark, site_url):
    """深色模式下图不靠反色：每张图自带浅色底，原样显示。"""
    page, _ = dark
    page.goto(site_url + DIAGRAM_PAGE, wait_until="networkidle")
    img = page.locator("article img[src*='diagrams/']").first
    assert img.evaluate("el => getComputedStyle(el).filter") == "none"


def open_diagram(page, site_url):
    page.goto(site_url + DIAGRAM_PAGE, wait_until="networkidle")
    img = page.locator("article a.glightbox img[src*='diagrams/']").first
    img.scroll_into_view_if_needed()
    inline = img.bounding_box()["width"]
    natural = img.evaluate("el => el.naturalWidth")
    img.click()
    slide = page.locator(".glightbox-container .gslide.current img")
    slide.wait_for(state="visible", timeout=5_000)
    page.wait_for_timeout(800)  # 打开动画
    return slide, inline, natural


def test_diagram_opens_in_a_lightbox_on_phone(phone, site_url):
    """手机上点图：在灯箱里占满屏幕宽度，并且可以继续放大到原始尺寸（GLightbox 的 zoomable）。"""
    page, watch = phone
    slide, inline, natural = open_diagram(page, site_url)
    shown = slide.bounding_box()["width"]
    viewport = page.viewport_size["width"]
    assert shown >= viewport * 0.95 and shown > inline, (
        f"灯箱里宽 {shown:.0f}px，页面里 {inline:.0f}px"
    )
    assert natural > shown and "zoomable" in (slide.get_attribute("class") or ""), (
        "灯箱里的图应能放大到原始尺寸"
    )
    assert watch.external_requests == []
    assert watch.console_errors == []


# ---------------------------------------------------------------------------
# Notebook 页
# ---------------------------------------------------------------------------


def test_notebook_math_is_rendered_by_local_katex(watched, site_url):
    page, watch = watched
    page.goto(site_url + NOTEBOOK, wait_until="networkidle")
    assert page.locator(".jp-RenderedMarkdown .arithmatex .katex").count() >= 4
    raw = page.locator(".jp-RenderedMarkdown").evaluate_all(
        "els => els.map(e => e.innerText).join('\\n')"
    )
    assert "$y = 2x" not in raw and "\\sum" not in raw
    assert watch.external_requests == []


def test_notebook_code_cells_are_full_width_and_copy_button_covers_no_code(watched, site_url):
    page, _ = watched
    page.goto(site_url + NOTEBOOK, wait_until="networkidle")
    article = page.locator("article").bounding_box()["width"]
    cells = page.locator(".jp-CodeCell .highlight-ipynb")
    assert cells.count() > 0
    overlaps = page.evaluate(
        """() => [...document.querySelectorAll('.jp-CodeCell .CodeMirror')].flatMap(cm => {
            const button = cm.querySelector('.zeroclipboard-container clipboard-copy');
            const pre = cm.querySelector('.highlight-ipynb pre');
            if (!button || !pre) return [];
            const b = button.getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(pre);
            return [...range.getClientRects()].filter(r => r.width > 0 &&
                r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top)
              .map(r => pre.textContent.slice(0, 40));
        })"""
    )
    assert overlaps == [], f"复制按钮盖住了代码：{overlaps[:3]}"
    for i in range(cells.count()):
        width = cells.nth(i).bounding_box()["width"]
        assert width >= 0.95 * article, f"代码单元格宽 {width:.0f}px，正文宽 {article:.0f}px"


def test_notebook_plots_have_meaningful_alt_text(watched, site_url):
    page, _ = watched
    page.goto(site_url + NOTEBOOK, wait_until="networkidle")
    alts = page.locator(".jp-OutputArea img").evaluate_all("els => els.map(e => e.alt)")
    assert alts, "Notebook 页上没有图"
    for alt in alts:
        assert alt and "No description" not in alt and len(alt) >= 8, alt


# ---------------------------------------------------------------------------
# 无障碍：axe-core
# ---------------------------------------------------------------------------

AXE_PAGES = ["/", "/chapters/02-tensors/", "/progress/", NOTEBOOK]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_no_serious_violations(browser, site_url, axe_source, request, path, scheme):
    context = browser.new_context(locale="zh-CN", color_scheme=scheme)
    page = context.new_page()
    request.node._ptnotes_page = page
    try:
        page.goto(site_url + path, wait_until="networkidle")
        page.add_script_tag(content=axe_source)
        violations = page.evaluate(
            """async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .filter(v => ['critical', 'serious'].includes(v.impact))
                .map(v => `${v.impact} ${v.id}（${v.nodes.length} 处）：` +
                    v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('；'))"""
        )
    finally:
        context.close()
    assert violations == [], "\n".join(violations)


# ---------------------------------------------------------------------------
# 学习目标：点文字也能勾选；手机上的触控目标
# ---------------------------------------------------------------------------


def test_objective_ticks_when_its_text_is_clicked(watched, site_url):
    page, _ = watched
    page.goto(site_url + "/chapters/02-tensors/", wait_until="networkidle")
    item = page.locator("[data-ptn-group^='obj:'] .task-list-item").first
    box = item.locator("input[type=checkbox]")
    assert not box.is_checked()
    item.locator(".task-list-text").click()
    assert box.is_checked(), "点目标的文字没有勾选它"
    item.locator(".task-list-text").click()
    assert not box.is_checked()
    # 复选框的无障碍名称就是目标文字
    name = box.evaluate("el => el.labels[0]?.innerText.trim()")
    assert name and name in item.inner_text()


@pytest.mark.parametrize("path", ["/chapters/02-tensors/", "/progress/"])
def test_touch_targets_are_at_least_24px_on_a_phone(phone, site_url, path):
    page, _ = phone
    page.goto(site_url + path, wait_until="networkidle")
    small = page.evaluate(
        """() => [...document.querySelectorAll(
              '[data-ptn-group] .task-list-control, [data-ptn-group] .task-list-control input, .ptn-done')]
            .map(el => [el.className || el.tagName, el.getBoundingClientRect()])
            .filter(([, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
            .map(([name, r]) => `${name} ${r.width.toFixed(0)}×${r.height.toFixed(0)}`)"""
    )
    assert small == [], f"触控目标小于 24px：{small[:5]}"
    indicator = page.evaluate(
        """() => { const el = document.querySelector('[data-ptn-group] .task-list-indicator');
                   const s = getComputedStyle(el, '::before');
                   return [parseFloat(s.width), parseFloat(s.height)] }"""
    )
    assert min(indicator) >= 24, f"勾选圆圈只有 {indicator}"


# ---------------------------------------------------------------------------
# 重量：KaTeX 只在有公式的页面加载
# ---------------------------------------------------------------------------


def test_katex_loads_only_on_pages_with_math(watched, site_url):
    page, watch = watched
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "/", wait_until="networkidle")
    assert not any("katex" in u for u in requested), "首页没有公式，不应加载 KaTeX"
    # 即时导航到有公式的章节：KaTeX 随正文加载并渲染
    page.locator("article a[href$='chapters/02-tensors/']").first.click()
    page.wait_for_url("**/chapters/02-tensors/")
    page.locator(".arithmatex .katex").first.wait_for(timeout=10_000)
    assert any("katex.min.js" in u for u in requested)
    assert watch.console_errors == []
    assert watch.external_requests == []
