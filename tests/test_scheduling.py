"""make test 的分组调度（tests/scheduling.py）：按 nodeid 分组的规则确实把该在一起的放在一起。"""

from __future__ import annotations

import harness
import pytest
import scheduling
from pages import scan_page


@pytest.mark.parametrize(
    ("nodeid", "scope"),
    [
        ("tests/test_site.py::test_build_strict_passes", "site"),
        ("tests/browser/test_pages.py::test_phone_sized_navigation", "site"),
        ("tests/browser/test_offline.py::test_offline_edition_has_no_remote_scripts", "site"),
        (
            "tests/test_examples.py::test_doc_block[chapters/12-vision.md::block05[tiny_detector.py]-native]",
            "examples-12",
        ),
        (
            "tests/test_examples.py::test_snippet_file[snippets/12_vision/tiny_detector.py-native]",
            "examples-12",
        ),
        ("tests/test_examples.py::test_doc_block[index.md::block01-native]", "examples-00"),
        (
            "tests/test_examples.py::test_notebook[docs/notebooks/basics.ipynb-portable]",
            "examples-00",
        ),
        ("tests/test_structure.py::test_nav_lists_every_page", "tests/test_structure.py"),
    ],
)
def test_scope_of_a_nodeid(nodeid, scope):
    assert scheduling.scope(nodeid) == scope


def test_chapter_notebooks_and_runner_tests_are_scheduled_one_by_one():
    a = "tests/test_chapter_notebooks.py::test_chapter_notebook_runs_top_to_bottom[11-performance]"
    b = "tests/test_chapter_notebooks.py::test_chapter_notebook_runs_top_to_bottom[12-vision]"
    assert scheduling.scope(a) != scheduling.scope(b)
    assert scheduling.scope("tests/test_runner.py::test_a") != scheduling.scope(
        "tests/test_runner.py::test_b"
    )


def test_every_embedded_snippet_is_in_the_group_of_its_page():
    """页面块与它嵌入的 snippet 文件同组：后到的一项复用结果，不会在另一个 worker 上隔着文件锁空等。"""
    misplaced = []
    for page in harness.markdown_pages():
        page_scope = scheduling.scope(
            f"tests/test_examples.py::test_doc_block[{page.relative_to(harness.DOCS).as_posix()}::block01-native]"
        )
        for block in scan_page(page).blocks:
            for source in block.sources:
                snippet_scope = scheduling.scope(
                    f"tests/test_examples.py::test_snippet_file[{source}-native]"
                )
                if snippet_scope != page_scope:
                    misplaced.append(f"{harness.rel(page)} 嵌入 {source}")
    assert not misplaced, (
        "这些 snippet 与嵌入它的页面不在同一组（snippet 目录的编号应与章号相同）：\n"
        + "\n".join(misplaced)
    )
