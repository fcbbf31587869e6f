"""打印站点与测试的性能数字（不是测试：只测量、不断言）。

用法：
    .venv/bin/python tools/benchmark.py            # 全部：示例两种运行方式的耗时、完整跑一遍测试
    .venv/bin/python tools/benchmark.py --no-tests # 不跑完整测试
    .venv/bin/python tools/benchmark.py --no-tests --no-examples # 只测构建、页面传输量与搜索索引

输出是一张 Markdown 表，可以直接更新 README 的“性能”一节。
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from harness import CHROMIUM, CHROMIUM_ARGS, serve_directory  # noqa: E402


def measure_build(site: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=REPO,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        check=True,
    )
    return time.perf_counter() - start


def measure_page(site: Path, path: str) -> tuple[int, int, list[tuple[int, str]], list[str]]:
    """首次打开一个页面时传输的字节数（含它自己加载的全部资源）、请求数、最大的几个资源，
    以及离开本站的请求（应当为空）。搜索全文要等读者输入查询才下载，不算在首次打开里。"""
    from urllib.parse import urlparse

    from playwright.sync_api import sync_playwright

    sizes: list[tuple[int, str]] = []
    outside: list[str] = []
    with serve_directory(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        host = urlparse(base).netloc

        def on_request(request):
            url = urlparse(request.url)
            if url.scheme not in ("data", "blob", "about") and url.netloc != host:
                outside.append(request.url)

        def on_response(response):
            try:
                sizes.append((len(response.body()), response.url.removeprefix(base)))
            except Exception:  # noqa: BLE001  重定向等没有响应体
                pass

        page.on("request", on_request)
        page.on("response", on_response)
        page.goto(base + path, wait_until="networkidle")
        browser.close()
    return sum(s for s, _ in sizes), len(sizes), sorted(sizes, reverse=True)[:5], outside


def measure_examples(pattern: str = "*") -> tuple[float, float, int, list[str]]:
    """每个 snippet 依次用预热运行器与新进程各跑一次（本机设置、不用缓存），
    返回 (预热总耗时, 新进程总耗时, 示例数, 两种方式结果不同的示例)。

    两次的退出码必须相同；输出逐字相同，或者两次都通过测试对 .out 的比较（打印耗时的示例
    在 .out 里用 <...>，声明了容差的示例按它的容差），才算一致。"""
    import runner
    from compare import output_matches, parse_tolerance
    from fixtures import preparer_for
    from pages import expected_output_path, rel, snippet_files

    totals = {"warm": 0.0, "fresh": 0.0}
    differ: list[str] = []
    files = [f for f in snippet_files() if f.match(f"snippets/{pattern}/*.py")]
    os.environ.pop("PTNOTES_RUN_CACHE", None)
    for path in files:
        name = rel(path)
        code = path.read_text(encoding="utf-8")
        prepare, key = preparer_for([name])
        results = {}
        for mode in ("warm", "fresh"):
            os.environ["PTNOTES_RUNNER"] = mode
            runner._cache.clear()
            start = time.perf_counter()
            results[mode] = runner.run_code("python", code, path.name, prepare, key)
            totals[mode] += time.perf_counter() - start
        warm, fresh = results["warm"], results["fresh"]
        if (warm.returncode, warm.stdout) == (fresh.returncode, fresh.stdout):
            continue
        expected = expected_output_path(path)
        both_pass = (
            warm.returncode == fresh.returncode == 0
            and expected.exists()
            and all(
                output_matches(
                    expected.read_text(encoding="utf-8"), r.stdout, parse_tolerance(code)
                )
                for r in (warm, fresh)
            )
        )
        if not both_pass:
            differ.append(name)
    os.environ.pop("PTNOTES_RUNNER", None)
    return totals["warm"], totals["fresh"], len(files), differ


def measure_tests() -> tuple[float, list[tuple[float, str]]]:
    junit = Path(tempfile.mkdtemp()) / "junit.xml"
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            # 与 Makefile 的 test 目标相同：2 个 worker，按 tests/scheduling.py 的组与顺序调度
            "-n",
            "2",
            "--dist",
            "loadscope",
            "--no-loadscope-reorder",
            f"--junitxml={junit}",
        ],
        cwd=REPO,
    )
    total = time.perf_counter() - start
    cases = [
        (float(tc.get("time", 0)), f"{tc.get('classname')}::{tc.get('name')}")
        for tc in ET.parse(junit).getroot().iter("testcase")
    ]
    return total, sorted(cases, reverse=True)[:5]


def human(n: float) -> str:
    for unit in ("B", "KiB", "MiB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tests", action="store_true", help="不跑完整测试")
    parser.add_argument(
        "--no-examples", action="store_true", help="不比较预热运行器与新进程的示例耗时"
    )
    parser.add_argument(
        "--chapters",
        default="*",
        help="只比较这些章的示例（snippets/ 下的目录名通配，如 '0[1-8]_*'）",
    )
    parser.add_argument(
        "--page",
        action="append",
        help="测量哪些页面的首次打开传输量（可重复；默认首页与第 7 章）",
    )
    args = parser.parse_args()

    rows: list[tuple[str, str]] = []
    site = Path(tempfile.mkdtemp()) / "site"
    rows.append(("`mkdocs build --strict` 耗时", f"{measure_build(site):.1f} s"))

    # 全站搜索索引：hooks/site.py 把全文移到 search_index.full.json，读者第一次输入查询时才下载
    search = site / "search"
    full = search / "search_index.full.json"
    index = (full if full.exists() else search / "search_index.json").read_bytes()
    rows.append(
        (
            "全站搜索索引（原始 / gzip；第一次搜索时才下载）",
            f"{human(len(index))} / {human(len(gzip.compress(index)))}",
        )
    )

    biggest: list[tuple[int, str]] = []
    for path in args.page or ["/", "/chapters/07-training/"]:
        total, count, top, outside = measure_page(site, path)
        biggest = biggest or top
        rows.append(
            (f"首次打开 `{path}` 传输量（含它加载的全部资源）", f"{human(total)}，{count} 个请求")
        )
        if outside:
            rows.append((f"`{path}` 离开本站的请求（应为 0）", str(len(outside))))

    slowest: list[tuple[float, str]] = []
    differ: list[str] = []
    if not args.no_examples:
        warm, fresh, n, differ = measure_examples(args.chapters)
        rows.append(
            (
                f"{n} 个 snippet（{args.chapters}）依次运行：预热运行器 / 新进程 `python 文件`",
                f"{warm:.0f} s / {fresh:.0f} s（快 {fresh / warm:.1f} 倍）",
            )
        )
    if not args.no_tests:
        suite, slowest = measure_tests()
        rows.append(("完整测试（`make test` 的 `pytest -n 2`，环境已装好）耗时", f"{suite:.0f} s"))

    print("| 指标 | 数值 |\n| --- | --- |")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print("\n第一个页面最大的 5 个资源：")
    for size, url in biggest:
        print(f"  {human(size):>10}  {url}")
    if differ:
        print("\n预热运行器与新进程结果不同的示例（应当为空）：")
        for name in differ:
            print(f"  {name}")
    if slowest:
        print("\n最慢的 5 个测试项：")
        for seconds, name in slowest:
            print(f"  {seconds:6.1f} s  {name}")


if __name__ == "__main__":
    main()
