"""pytest 配置：断网、构建站点的共享夹具、运行结束时的示例汇总。"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import harness  # noqa: E402
import scheduling  # noqa: E402

ARTIFACTS = harness.REPO / "test-artifacts"
SITE_DIR = ARTIFACTS / "site"


def pytest_configure(config):
    # 测试进程自身也断网：只允许连本机（浏览器测试要连本地服务器）
    harness.install_network_guard()
    config._ptnotes_start = time.perf_counter()
    # 各 xdist worker 共享示例的运行结果（同一段代码只跑一次）；每次测试运行用新的目录
    # 同一仓库里同时跑的几次测试各用自己的目录，互不删除；本次运行结束时删掉自己的
    cache = ARTIFACTS / "run-cache" / _run_id()
    os.environ["PTNOTES_RUN_CACHE"] = str(cache)


def pytest_unconfigure(config):
    if not hasattr(config, "workerinput"):
        shutil.rmtree(ARTIFACTS / "run-cache" / _run_id(), ignore_errors=True)


# ---------------------------------------------------------------------------
# 构建站点（一次运行只构建一次；xdist 的多个 worker 通过文件锁共享）
# ---------------------------------------------------------------------------


def _run_id() -> str:
    return os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(os.getpid())


def _build_once(site_dir: Path, command: list[str], env: dict[str, str], what: str) -> Path:
    """在一次测试运行里只构建一次（xdist 的多个 worker 通过文件锁共享结果）。"""
    from filelock import FileLock

    ARTIFACTS.mkdir(exist_ok=True)
    stamp = ARTIFACTS / f"{site_dir.name}.run-id"
    log = ARTIFACTS / f"{site_dir.name}-build.log"
    with FileLock(str(ARTIFACTS / f"{site_dir.name}.lock")):
        if not (stamp.exists() and stamp.read_text() == _run_id() and site_dir.exists()):
            if site_dir.exists():
                shutil.rmtree(site_dir)
            proc = subprocess.run(
                command, cwd=harness.REPO, env=env, capture_output=True, text=True
            )
            log.write_text(proc.stdout + proc.stderr, encoding="utf-8")
            if proc.returncode != 0:
                stamp.unlink(missing_ok=True)
                pytest.fail(f"{what} 失败：\n{proc.stderr[-4000:]}", pytrace=False)
            stamp.write_text(_run_id())
    return site_dir


@pytest.fixture(scope="session")
def built_site() -> Path:
    """`mkdocs build --strict` 的结果目录；构建失败时所有依赖它的测试都失败。"""
    return _build_once(
        SITE_DIR,
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(SITE_DIR)],
        dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        "mkdocs build --strict",
    )


@pytest.fixture(scope="session")
def offline_site() -> Path:
    """离线版（tools/build_offline.py，即 make offline 所用的构建）。"""
    site = ARTIFACTS / "site-offline"
    return _build_once(
        site,
        [sys.executable, "tools/build_offline.py", "--dir", str(site), "--no-zip"],
        dict(os.environ),
        "离线版构建",
    )


# ---------------------------------------------------------------------------
# 运行结束时的汇总
# ---------------------------------------------------------------------------


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """--dist loadscope 时按 tests/scheduling.py 的规则分组（xdist 自带的 xdist_group 标记在 pytest 9 上不起作用）。"""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class PlannedScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scheduling.scope(nodeid)

    return PlannedScheduling(config, log)


def pytest_collection_modifyitems(items):
    """排定运行顺序；给示例类测试项贴上类别与说明（在收集时就贴上，被跳过的项也能出现在汇总里）。"""
    items[:] = sorted(items, key=scheduling.order)
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "block" in params and isinstance(params["block"], str):
            item.user_properties += [("example_kind", "docs-block"), ("label", item.nodeid)]
        elif "block" in params:
            block = params["block"]
            label = f"{harness.rel(block.page)} 第 {block.index} 个代码块（第 {block.lineno} 行）"
            if block.sources:
                label += f"，嵌入 {', '.join(block.sources)}"
            item.user_properties += [("example_kind", "docs-block"), ("label", label)]
        elif "snippet" in params:
            item.user_properties += [
                ("example_kind", "snippet"),
                ("label", harness.rel(params["snippet"])),
            ]
        elif "notebook" in params:
            item.user_properties += [
                ("example_kind", "notebook"),
                ("label", harness.rel(params["notebook"])),
            ]
        elif "page" in params and item.originalname == "test_chapter_notebook_runs_top_to_bottom":
            item.user_properties += [
                ("example_kind", "chapter-notebook"),
                ("label", harness.rel(params["page"])),
            ]


# 示例类测试项的报告（在 xdist 下由主进程收集各 worker 传回的报告）
_REPORTS: list = []


def pytest_runtest_logreport(report):
    props = dict(report.user_properties)
    if "example_kind" not in props:
        return
    if report.when == "call" or (report.when == "setup" and report.skipped):
        _REPORTS.append((report, props))


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001
    reports = _REPORTS
    if not reports:
        return
    tr = terminalreporter
    kinds: dict[str, list] = {}
    for report, props in reports:
        kinds.setdefault(props["example_kind"], []).append((report, props))

    tr.write_sep("=", "示例运行汇总")
    machines = sorted({p["machine"] for _, p in reports if "machine" in p})
    hows = sorted({p["how"] for _, p in reports if "how" in p})
    names = {"warm": "预热运行器 fork 出的子进程", "fresh": "新进程 python 文件"}
    if hows:
        tr.write_line("运行方式：" + "、".join(names[h] for h in hows))
    if machines:
        desc = {
            name: ", ".join(f"{k}={v}" for k, v in env.items()) or "本机默认设置"
            for name, env in harness.MACHINES.items()
        }
        tr.write_line(
            "每个示例在这些机器设置下各跑一遍："
            + "；".join(f"{m}（{desc.get(m, m)}）" for m in machines)
        )
        in_notebooks = [p for _, p in kinds.get("chapter-notebook", []) if "machine" in p]
        if in_notebooks and in_notebooks[0]["machine"] != "native":
            m = in_notebooks[0]["machine"]
            scripts = sum(
                1
                for _, p in reports
                if p.get("machine") == m and p["example_kind"] in ("docs-block", "snippet")
            )
            tr.write_line(
                f"    {m} 设置下的运行：{len(in_notebooks)} 本章节 Notebook 逐单元比对输出，"
                f"Notebook 覆盖不到的 {scripts} 项作为脚本运行"
            )
    blocks = kinds.get("docs-block", [])
    if blocks:
        skipped = [(r, p) for r, p in blocks if r.skipped]
        ran = [(r, p) for r, p in blocks if not r.skipped]
        failed = sum(1 for r, _ in ran if r.failed)
        tr.write_line(
            f"页面代码块：收集 {len(blocks)} 个，运行 {len(ran)} 个（失败 {failed}），跳过 {len(skipped)} 个"
        )
        for r, p in skipped:
            reason = r.longrepr[2] if isinstance(r.longrepr, tuple) else str(r.longrepr)
            tr.write_line(f"    跳过 {p.get('label', r.nodeid)}：{reason}")
    for kind, title in (
        ("snippet", "snippet 文件"),
        ("notebook", "Notebook"),
        ("chapter-notebook", "章节 Notebook"),
    ):
        items = kinds.get(kind, [])
        if items:
            failed = sum(1 for r, _ in items if r.failed)
            skipped = sum(1 for r, _ in items if r.skipped)
            tr.write_line(
                f"{title}：运行 {len(items) - skipped} 个（失败 {failed}，跳过 {skipped}）"
            )

    reused = sum(1 for _, p in reports if p.get("reused"))
    if reused:
        tr.write_line(
            f"其中 {reused} 个测试项的代码与另一项逐字相同（页面块嵌入整个 snippet 文件），"
            "复用了同一次运行的结果"
        )
    timed = [
        (p["run_seconds"], f"[{p.get('machine', '?')}] {p.get('label', r.nodeid)}")
        for r, p in reports
        if "run_seconds" in p and not p.get("reused")
    ]
    if timed:
        tr.write_line("最慢的 5 个示例：")
        for seconds, label in sorted(timed, reverse=True)[:5]:
            tr.write_line(f"    {seconds:6.1f} s  {label}")
        # 按章合计（各机器设置与各 worker 加在一起），找出哪一章最该瘦身
        per_chapter: dict[str, float] = {}
        for seconds, label in timed:
            m = re.search(r"(?:chapters/|snippets/)(\d\d)[-_]", label)
            chapter = f"第 {int(m.group(1))} 章" if m else "其他"
            per_chapter[chapter] = per_chapter.get(chapter, 0.0) + seconds
        tr.write_line(
            "各章示例耗时合计："
            + "，".join(
                f"{name} {sec:.0f} s"
                for name, sec in sorted(per_chapter.items(), key=lambda kv: -kv[1])
            )
        )
    total = time.perf_counter() - config._ptnotes_start
    tr.write_line(f"总耗时：{total:.1f} s")
