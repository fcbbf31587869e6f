"""make test 的分组调度：测试项属于哪一组（xdist 的 scope）、按什么顺序运行。

make test 用 xdist 的 loadscope 调度（--no-loadscope-reorder），“组”由 scope() 按测试项的 nodeid 决定
（tests/conftest.py 的 pytest_xdist_make_scheduler 换上它），顺序由 order() 决定（conftest 收集后排序）。
tests/test_scheduling.py 检查这些规则。
同一组的测试项整组交给一个 worker，组与组按这里排好的收集顺序、谁空下来就交给谁。
2 核上两个 worker 要同时把 CPU 用满，所以把互补的工作排在一起跑：
- “站点”一组（两次站点构建、站点检查、全部浏览器测试）最先交给一个 worker。浏览器大半时间在等页面，
  只用得上不到一个核，另一个 worker 这时跑 native 示例（默认 2 个线程），正好用满剩下的；
  整组在一个 worker 里，Chromium 只启动一次，也不会有 worker 空等构建的文件锁；
- 示例按章成组，从后面的章（示例更重）往前：页面块与它嵌入的 snippet 文件是同一段代码，
  同组就在同一个 worker 里先后运行，后到的直接复用结果，不会隔着文件锁空等另一个 worker；
- 然后是章节 Notebook（单线程的 portable 设置，两个同时跑正好两个核），同样从后往前，各自成组；
- 最后是运行器对照测试与很快的单元测试，结尾只剩短的测试项，两个 worker 几乎同时结束。
"""

from __future__ import annotations

import re

SITE_FIRST = ("test_build_strict_passes", "test_offline_edition_has_no_remote_scripts")
CHAPTER = re.compile(r"(?:^|[/\[])(\d\d)[-_]")


def chapter(text: str) -> int:
    m = CHAPTER.search(text)
    return int(m.group(1)) if m else 0


def scope(nodeid: str) -> str:
    """测试项所在的组（xdist 的 scope），只看 nodeid：调度在主进程里进行，那里没有测试项对象。"""
    path, _, rest = nodeid.partition("::")
    if path.startswith("tests/browser/") or path == "tests/test_site.py":
        return "site"
    if path == "tests/test_examples.py":
        return f"examples-{chapter(rest):02d}"
    if path in ("tests/test_chapter_notebooks.py", "tests/test_runner.py"):
        return nodeid
    return path


def order(item) -> tuple:
    group = scope(item.nodeid)
    if group == "site":
        first = item.originalname in SITE_FIRST
        return (0, 0 if first else 1, 0 if item.path.name == "test_site.py" else 1)
    if group.startswith("examples-"):
        return (1, -int(group.removeprefix("examples-")))
    if item.path.name == "test_chapter_notebooks.py":
        return (2, -chapter(item.nodeid))
    if item.path.name == "test_runner.py":
        return (3,)
    return (4,)
