"""在无头 Chromium 里打开构建好的站点：页面干净加载、中文搜索可用、手机上能导航、请求不出本机。"""

from __future__ import annotations

import harness
import pytest
from site_search import type_query


def page_url(path) -> str:
    rel = path.relative_to(harness.DOCS).with_suffix("")
    if rel.name == "index":
        rel = rel.parent
    return "/" if str(rel) == "." else f"/{rel.as_posix()}/"


PAGES = [*harness.markdown_pages(), *harness.notebooks()]


@pytest.mark.parametrize("path", PAGES, ids=harness.rel)
def test_page_loads_without_errors_or_external_requests(shared_tab, site_url, path):
    page, watch = shared_tab
    response = page.goto(site_url + page_url(path), wait_until="networkidle")
    assert response is not None and response.ok, (
        f"{page_url(path)} 返回 {response and response.status}"
    )
    assert "PyTorch 学习笔记" in page.title()
    assert page.locator("article h1").first.is_visible()
    assert watch.console_errors == [], f"控制台错误：{watch.console_errors}"
    assert watch.external_requests == [], f"离开本机的请求：{watch.external_requests}"


def _search(page, query: str) -> list[str]:
    type_query(page, query)
    results = page.locator(".md-search-result__item a")
    return [results.nth(i).get_attribute("href") for i in range(results.count())]


@pytest.mark.parametrize(
    ("query", "chapter"),
    [
        ("自动微分", "03-autograd"),
        ("计算图", "03-autograd"),
        ("广播", "02-tensors"),
        ("张量", "02-tensors"),
    ],
)
def test_chinese_search_finds_the_chapter(search_home, query, chapter):
    if not (harness.DOCS / "chapters" / f"{chapter}.md").exists():
        pytest.fail(f"{chapter} 还不存在，无法测试搜索")
    page, watch = search_home
    hrefs = _search(page, query)
    # 结果按页面分组（页面本身在前，接着是它的小节）；看排在前三的不同页面
    pages = list(dict.fromkeys(h.split("?")[0].split("#")[0] for h in hrefs if h))
    assert any(chapter in p for p in pages[:3]), (
        f"搜索“{query}”排前三的页面里没有 {chapter}：{pages[:5]}"
    )
    assert watch.console_errors == []
    assert watch.external_requests == []


def test_phone_sized_navigation(phone, site_url):
    page, watch = phone
    page.goto(site_url + "/", wait_until="networkidle")
    drawer_button = page.locator("label.md-header__button[for='__drawer']")
    drawer_button.wait_for(state="visible", timeout=5_000)
    drawer_button.click()
    # 抽屉里先是各部分（基础、动手练习……），点进“基础”才看到各章
    section = page.locator("nav.md-nav--primary label.md-nav__link", has_text="基础").first
    section.click()
    link = page.locator("nav.md-nav--primary a.md-nav__link[href$='/chapters/02-tensors/']").first
    link.click()
    page.wait_for_url("**/chapters/02-tensors/**")
    assert page.locator("article h1").first.inner_text().startswith("张量基础")
    assert watch.external_requests == []


def test_dark_mode_toggle(watched, site_url):
    page, _ = watched
    page.goto(site_url + "/", wait_until="networkidle")
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component='palette'] label:visible").first.click()
    after = page.locator("body").get_attribute("data-md-color-scheme")
    assert {before, after} == {"default", "slate"}


def test_math_is_rendered_locally(watched, site_url, built_site):
    page, watch = watched
    with_math = [
        p
        for p in sorted(built_site.rglob("index.html"))
        if 'class="arithmatex"' in p.read_text("utf-8")
    ]
    assert with_math, "站点里没有任何公式，无法验证公式渲染"
    rel = with_math[0].parent.relative_to(built_site).as_posix()
    page.goto(f"{site_url}/{rel}/", wait_until="networkidle")
    assert page.locator(".arithmatex .katex").count() > 0, "公式没有被 KaTeX 渲染"
    assert watch.external_requests == []


def test_code_blocks_have_copy_buttons(watched, site_url):
    page, _ = watched
    page.goto(site_url + "/chapters/02-tensors/", wait_until="networkidle")
    # Material 9.8 的复制按钮：每个代码块右上角一个
    copy_buttons = page.locator("pre button[data-md-type='copy']")
    assert copy_buttons.count() >= page.locator("div.highlight pre").count() > 0
