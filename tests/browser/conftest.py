"""浏览器测试的夹具：本地 HTTP 服务器 + Debian 的 Chromium（由 Playwright 驱动）。"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import urlparse

import harness
import pytest

CHROMIUM = harness.CHROMIUM
CHROMIUM_ARGS = harness.CHROMIUM_ARGS
SCREENSHOTS = harness.REPO / "test-artifacts" / "screenshots"
# axe-core（npm 包）：无障碍检查。像 chromium 一样由测试自己准备，装在 test-artifacts/node 下
AXE_VERSION = "4.14.1"
AXE_DIR = harness.REPO / "test-artifacts" / "node"
AXE_PACKAGE = AXE_DIR / "node_modules" / "axe-core"


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    with harness.serve_directory(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe.min.js 的内容；缺少或版本不对时用 npm 安装固定的版本。"""
    manifest = AXE_PACKAGE / "package.json"
    installed = json.loads(manifest.read_text())["version"] if manifest.exists() else None
    if installed != AXE_VERSION:
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--prefix",
                str(AXE_DIR),
                f"axe-core@{AXE_VERSION}",
            ],
            check=True,
        )
    return (AXE_PACKAGE / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        # 测试自己准备需要的东西：在新机器上装 Debian 的 chromium
        subprocess.run(["bash", str(harness.REPO / "tools" / "ensure_chromium.sh")], check=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class PageWatch:
    """记录一个页面的控制台错误、页面异常和所有发往本机以外的请求。"""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_host = urlparse(base_url).netloc
        self.console_errors: list[str] = []
        self.external_requests: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console_errors.append(f"页面异常：{exc}"))
        page.route("**/*", self._route)

    def _on_console(self, msg):
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def _route(self, route):
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob", "about") or url.netloc == self.base_host:
            route.continue_()
        else:
            self.external_requests.append(route.request.url)
            route.abort()


def _open(browser, site_url, **context_args):
    """新的浏览器上下文里一个受监视的页面：(上下文, 页面, 监视器)。"""
    context = browser.new_context(**context_args)
    page = context.new_page()
    return context, page, PageWatch(page, site_url)


def _new_page(browser, site_url, request, **context_args):
    context, page, watch = _open(browser, site_url, **context_args)
    request.node._ptnotes_page = page
    return context, page, watch


def _shared_page(browser, site_url, path: str | None, **context_args):
    """供同一模块的测试共用的一个页面（模块级夹具用）；给了 path 时先打开它。"""
    context, page, watch = _open(browser, site_url, **context_args)
    if path is not None:
        page.goto(site_url + path, wait_until="networkidle")
    yield page, watch
    context.close()


@pytest.fixture(scope="module")
def _search_home(browser, site_url):
    yield from _shared_page(browser, site_url, "/", locale="zh-CN")


@pytest.fixture
def search_home(_search_home, request):
    """打开首页的一个页面，同一模块的搜索测试共用：搜索索引只下载、建立一次。"""
    request.node._ptnotes_page = _search_home[0]
    return _search_home


@pytest.fixture(scope="module")
def _dark_home(browser, site_url):
    yield from _shared_page(browser, site_url, "/", locale="zh-CN", color_scheme="dark")


@pytest.fixture
def dark_home(_dark_home, request):
    """深色模式下打开首页的一个页面，同一模块的测试共用（只在里面运行脚本、不改页面状态的测试）。"""
    request.node._ptnotes_page = _dark_home[0]
    return _dark_home


@pytest.fixture(scope="module")
def _shared_tab(browser, site_url):
    yield from _shared_page(browser, site_url, None, locale="zh-CN")


@pytest.fixture
def shared_tab(_shared_tab, request):
    """同一模块的测试依次在同一个标签页里打开页面（每次打开新标签页要多花约 0.5 秒启动渲染进程）。

    只给“打开一页、检查、离开”的测试用：导航会换掉整个页面，监视器的记录在每个测试开始时清空。
    """
    page, watch = _shared_tab
    watch.console_errors.clear()
    watch.external_requests.clear()
    request.node._ptnotes_page = page
    return page, watch


@pytest.fixture
def watched(browser, site_url, request):
    context, page, watch = _new_page(browser, site_url, request, locale="zh-CN")
    yield page, watch
    context.close()


@pytest.fixture
def dark(browser, site_url, request):
    context, page, watch = _new_page(
        browser, site_url, request, locale="zh-CN", color_scheme="dark"
    )
    yield page, watch
    context.close()


@pytest.fixture
def phone(browser, site_url, request):
    context, page, watch = _new_page(
        browser,
        site_url,
        request,
        locale="zh-CN",
        viewport={"width": 375, "height": 740},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    yield page, watch
    context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    page = getattr(item, "_ptnotes_page", None)
    if report.when == "call" and report.failed and page is not None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in item.name)
        try:
            page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        except Exception:  # noqa: BLE001  截图失败不应掩盖真正的失败
            pass
