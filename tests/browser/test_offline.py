"""离线版（make offline）：从 file:// 打开、在章节之间跳转、中文搜索，全程不发出任何网络请求。"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import harness


def test_offline_edition_opens_from_the_file_system_and_searches(browser, offline_site):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    network: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "request",
        lambda req: (
            network.append(req.url)
            if urlparse(req.url).scheme not in ("file", "data", "blob", "about")
            else None
        ),
    )
    try:
        home = (offline_site / "index.html").as_uri()
        page.goto(home, wait_until="load")
        assert "PyTorch 学习笔记" in page.title()
        # 没有服务器时目录式地址打不开，离线版的链接必须直接指向 .html 文件
        link = page.locator("article a[href$='02-tensors.html']").first
        link.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("chapters/02-tensors.html")
        assert "张量" in page.locator("article h1").first.inner_text()

        box = page.locator("input.md-search__input")
        box.click()
        box.fill("广播")
        box.press("End")
        results = page.locator(".md-search-result__item a")
        results.first.wait_for(timeout=15_000)
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        assert any("02-tensors.html" in (h or "") for h in hrefs[:5]), hrefs[:5]

        # 结果链接在文件系统上也能打开
        results.first.click()
        page.wait_for_load_state("load")
        assert page.url.startswith("file://") and ".html" in page.url
        assert errors == [], f"控制台错误：{errors}"
        assert network == [], f"离线版发出了网络请求：{network}"
    finally:
        context.close()


def test_offline_edition_has_no_remote_scripts(offline_site):
    remote = []
    for html in offline_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for src in re.findall(r'<script[^>]+src="([^"]+)"', text):
            if "://" in src:
                remote.append(f"{harness.rel(html)}: {src}")
    assert not remote, remote[:5]
