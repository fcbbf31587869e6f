"""学习进度、自定义条目、笔记、导入导出与损坏数据的处理（真实浏览器里的 localStorage）。"""

from __future__ import annotations

import json

import pytest

CHAPTER = "/chapters/02-tensors/"
STORAGE_KEY = "ptnotes:progress"


def stored(page) -> dict | None:
    raw = page.evaluate(f"window.localStorage.getItem('{STORAGE_KEY}')")
    return None if raw is None else json.loads(raw)


def first_objective(page):
    return page.locator("[data-ptn-group^='obj:'] input[type=checkbox]").first


def click_box(box) -> None:
    """像读者一样在复选框的位置点一下。

    Material 的自定义复选框把原生 input 藏在一个画出来的方框下面，Playwright 会认为 input
    “被遮住”；force=True 跳过这项检查，鼠标仍然真实地点在方框所在的位置。
    """
    box.click(force=True)


def tick(box) -> None:
    click_box(box)
    assert box.is_checked()


def test_objective_survives_reload_and_shows_on_progress_page(watched, site_url):
    page, watch = watched
    page.goto(site_url + CHAPTER, wait_until="networkidle")
    box = first_objective(page)
    assert box.is_enabled(), "章节目标复选框应可勾选"
    tick(box)
    page.reload(wait_until="networkidle")
    assert first_objective(page).is_checked(), "刷新后勾选丢失"

    page.goto(site_url + "/progress/", wait_until="networkidle")
    group = page.locator("[data-ptn-group='obj:02-tensors'] input[type=checkbox]")
    assert group.first.is_checked(), "进度页没有同步章节页上的勾选"
    label = page.locator("[data-ptn-bar='obj:02-tensors'] .ptn-bar__label").inner_text()
    assert label.startswith("1 / "), label
    assert watch.console_errors == []


def test_chapter_done_control_is_in_step(watched, site_url):
    page, _ = watched
    page.goto(site_url + CHAPTER, wait_until="networkidle")
    page.locator("input[data-ptn-done='02-tensors']").check()
    page.goto(site_url + "/progress/", wait_until="networkidle")
    assert page.locator("[data-ptn-done-badge='02-tensors']").inner_text() == "本章已完成"


def test_notes_persist_and_are_exported(watched, site_url):
    page, _ = watched
    page.goto(site_url + CHAPTER, wait_until="networkidle")
    area = page.locator("textarea.ptn-notes__area")
    area.fill("view 要求连续内存；不确定就用 reshape。")
    page.wait_for_function(
        f"(JSON.parse(localStorage.getItem('{STORAGE_KEY}') || '{{}}').notes || {{}})['02-tensors']"
    )
    page.reload(wait_until="networkidle")
    assert (
        page.locator("textarea.ptn-notes__area").input_value()
        == "view 要求连续内存；不确定就用 reshape。"
    )

    page.goto(site_url + "/progress/", wait_until="networkidle")
    with page.expect_download() as info:
        page.locator("[data-ptn-action='export-md']").click()
    markdown = open(info.value.path(), encoding="utf-8").read()
    assert "view 要求连续内存" in markdown
    assert "## 张量基础" in markdown


def test_custom_items_add_edit_delete(watched, site_url):
    page, _ = watched
    page.goto(site_url + "/progress/", wait_until="networkidle")
    page.locator(".ptn-custom__new").fill("复现一篇论文")
    page.locator(".ptn-custom__form button").click()
    page.locator(".ptn-custom__new").fill("整理错题")
    page.locator(".ptn-custom__form button").click()
    page.reload(wait_until="networkidle")
    items = page.locator(".ptn-custom__item")
    assert items.count() == 2

    text = items.nth(0).locator(".ptn-custom__text")
    text.fill("复现 ResNet 论文")
    text.press("Enter")
    text.blur()
    items.nth(1).locator("input[type=checkbox]").check()
    items.nth(0).locator(".ptn-custom__delete").click()
    page.reload(wait_until="networkidle")
    data = stored(page)
    assert [(c["text"], c["done"]) for c in data["custom"]] == [("整理错题", True)]


def test_export_clear_import_restores(watched, site_url, tmp_path):
    page, _ = watched
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(site_url + "/progress/", wait_until="networkidle")
    milestones = page.locator("[data-ptn-group='milestone'] input[type=checkbox]")
    tick(milestones.nth(0))
    tick(milestones.nth(2))
    before = stored(page)

    with page.expect_download() as info:
        page.locator("[data-ptn-action='export-json']").click()
    backup = tmp_path / "backup.json"
    info.value.save_as(backup)
    assert json.loads(backup.read_text(encoding="utf-8"))["checks"] == before["checks"]

    page.locator("[data-ptn-action='reset']").click()
    assert not milestones.nth(0).is_checked()
    assert stored(page)["checks"] == {}

    page.locator("[data-ptn-action='import'] input[type=file]").set_input_files(str(backup))
    page.locator("#ptn-message.success").wait_for()
    assert milestones.nth(0).is_checked() and milestones.nth(2).is_checked()
    page.reload(wait_until="networkidle")
    assert stored(page)["checks"] == before["checks"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("这不是 JSON", "不是合法的 JSON"),
        (json.dumps({"schema": "something-else", "version": 1}), "不是本站导出的学习进度文件"),
        (
            json.dumps(
                {
                    "schema": "ptnotes-progress",
                    "version": 1,
                    "checks": [],
                    "done": {},
                    "custom": [],
                    "notes": {},
                }
            ),
            "checks 字段",
        ),
    ],
)
def test_bad_import_explains_and_changes_nothing(watched, site_url, tmp_path, content, expected):
    page, _ = watched
    page.goto(site_url + "/progress/", wait_until="networkidle")
    tick(page.locator("[data-ptn-group='milestone'] input[type=checkbox]").first)
    before = stored(page)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    page.locator("[data-ptn-action='import'] input[type=file]").set_input_files(str(bad))
    msg = page.locator("#ptn-message.failure")
    msg.wait_for()
    assert expected in msg.inner_text()
    assert "没有任何改动" in msg.inner_text()
    assert stored(page) == before


@pytest.mark.parametrize(
    "raw",
    ["{不是 JSON", json.dumps({"schema": "ptnotes-progress", "version": 0, "checks": {}})],
    ids=["corrupt", "old-version"],
)
def test_corrupt_storage_is_reported_and_can_be_reset(watched, site_url, raw):
    page, watch = watched
    page.goto(site_url + "/", wait_until="networkidle")
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [STORAGE_KEY, raw])
    for path in ("/progress/", CHAPTER):
        page.goto(site_url + path, wait_until="networkidle")
        assert page.locator(".ptn-problem").is_visible(), f"{path} 没有提示本地数据有问题"
        assert page.locator("article h1").first.is_visible()
    # 在读者决定之前，旧数据不被覆盖
    tick(first_objective(page))
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") == raw
    page.locator("[data-ptn-action='reset-corrupt']").click()
    assert not page.locator(".ptn-problem").count()
    assert not first_objective(page).is_checked(), "重置后勾选应清空"
    tick(first_objective(page))
    assert stored(page)["schema"] == "ptnotes-progress"
    assert watch.console_errors == []
