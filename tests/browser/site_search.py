"""浏览器测试共用：像读者一样在搜索框里输入查询。"""

from __future__ import annotations


def type_query(page, query: str) -> None:
    """在当前页面的搜索框里换上新的查询，等新结果出来。

    同一个页面连续搜索多次（搜索索引只下载、建立一次）：先清空搜索框，等上一次的结果消失，
    再输入新的查询，这样等到的一定是新查询的结果。
    """
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    box.click()
    if box.input_value():
        box.fill("")
        box.press("End")
        results.first.wait_for(state="detached", timeout=10_000)
    box.fill(query)
    # 中文是直接插入的文本，不产生按键事件；Material 在按键抬起时才搜索，补一个按键
    box.press("End")
    results.first.wait_for(timeout=20_000)
    page.wait_for_timeout(300)
