"""测试框架自身的测试：证明各项检查确实会失败，而不是永远通过。"""

from __future__ import annotations

import importlib.util
import io
import textwrap
from pathlib import Path

import harness
import pytest
from pytest_codeblocks.main import extract_from_buffer

PAGE = textwrap.dedent(
    """\
    # 示例页

    ```py title="a.py"
    print("短写法 py 加标题")
    ```

    <!--pytest-codeblocks:expected-output-->
    ```text
    短写法 py 加标题
    ```

    ??? success "参考答案"

        ```python title="b.py"
        if __name__ == "__main__":
            print("作为 __main__ 运行")
        ```

    ```bash
    echo "shell 也运行"
    ```

    ```pycon
    >>> 1 + 1
    2
    ```

    ```text
    print("text 块不运行")
    ```
    """
)


def site_hook():
    """按 MkDocs 的方式加载 hooks/site.py（它不在任何包里）。"""
    spec = importlib.util.spec_from_file_location("site_hook", harness.REPO / "hooks" / "site.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook


@pytest.fixture
def page(tmp_path: Path) -> Path:
    p = tmp_path / "page.md"
    p.write_text(PAGE, encoding="utf-8")
    return p


def test_pytest_codeblocks_alone_misses_variants():
    """这就是要补的洞：pytest-codeblocks 只认信息串恰好是 python/sh/bash 的围栏。"""
    blocks = extract_from_buffer(io.StringIO(PAGE))
    own_filter = [b for b in blocks if b.syntax in ("python", "sh", "bash")]
    assert len(own_filter) == 1  # 只有 ```bash；```py title=… 与 ```python title=… 都被漏掉


def test_scan_collects_every_runnable_fence(page: Path):
    scan = harness.scan_page(page)
    assert [b.kind for b in scan.blocks] == ["python", "python", "bash", "pycon"]
    assert scan.uncollected == []
    assert scan.blocks[0].expected_output.strip() == "短写法 py 加标题"


def test_uncollected_fence_is_reported(tmp_path: Path):
    """pytest-codeblocks 不认 ~~~ 围栏；扫描器看到了，就必须报告为“未收集”。"""
    p = tmp_path / "tilde.md"
    p.write_text('~~~python\nprint("x")\n~~~\n', encoding="utf-8")
    scan = harness.scan_page(p)
    assert scan.blocks == []
    assert [f.lang for f in scan.uncollected] == ["python"]


def test_identical_code_runs_once():
    first = harness.run_code("python", 'print("一次")\n', "same.py")
    second = harness.run_code("python", 'print("一次")\n\n', "same.py")
    assert not first.reused and second.reused and second.stdout == "一次\n"


def test_blocks_run_as_main_and_output_is_checked(page: Path):
    blocks = harness.scan_page(page).blocks
    results = [harness.run_code(b.kind, b.code, f"t{i}.py") for i, b in enumerate(blocks)]
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert results[0].stdout == "短写法 py 加标题\n"
    assert results[1].stdout == "作为 __main__ 运行\n"
    assert results[2].stdout == "shell 也运行\n"


def test_failing_doctest_fails():
    result = harness.run_code("pycon", ">>> 1 + 1\n3\n", "bad.py")
    assert result.returncode != 0


def test_output_comparison():
    assert harness.output_matches("a\nb\n", "a  \nb\n\n")
    assert not harness.output_matches("a\nb", "a\nc")
    assert harness.output_matches("耗时 <...> 秒\n完成", "耗时 0.42 秒\n完成")
    assert not harness.output_matches("耗时 <...> 秒\n完成", "耗时 0.42 秒\n失败")
    # 普通的 ... 逐字比较（PyTorch 打印大张量时会输出它）
    assert not harness.output_matches("tensor([0, 1, ..., 9])", "tensor([0, 1, 5, 9])")


def test_examples_cannot_reach_the_network():
    code = textwrap.dedent(
        """\
        import urllib.request
        urllib.request.urlopen("https://download.pytorch.org/", timeout=5)
        """
    )
    result = harness.run_code("python", code, "net.py")
    assert result.returncode != 0
    assert "禁止访问网络" in result.stderr


def test_dataset_download_fails_without_fixture():
    code = textwrap.dedent(
        """\
        from torchvision import datasets
        datasets.MNIST(root="data", train=True, download=True)
        """
    )
    result = harness.run_code("python", code, "mnist.py")
    assert result.returncode != 0
    assert "禁止访问网络" in result.stderr


def test_skip_reason_is_rendered_on_the_page():
    hook = site_hook()
    md = '<!--pytest.mark.skip(reason="安装命令会联网")-->\n```bash\npip install torch\n```\n'
    rendered = hook._show_skip_reasons(md)
    assert '!!! note "测试中不运行的示例"' in rendered
    assert "安装命令会联网" in rendered


def test_line_breaks_between_chinese_do_not_become_spaces():
    hook = site_hook()
    html = "<p>第一行。\n第二行\nPyTorch</p><pre><code>形状：\n张量\n</code></pre>"
    assert (
        hook.join_cjk_lines(html)
        == "<p>第一行。第二行\nPyTorch</p><pre><code>形状：\n张量\n</code></pre>"
    )


def test_test_process_itself_cannot_reach_the_network():
    import socket

    with pytest.raises(OSError, match="禁止访问网络"):
        socket.create_connection(("download.pytorch.org", 443), timeout=5)


def test_typography_check_skips_code_but_not_prose():
    import test_structure

    text = '---\ntitle: x\n---\n\n```python\nprint("中文abc")\n```\n\n中文abc\n'
    lines = dict(test_structure.prose_lines(text))
    assert 6 not in lines
    assert test_structure.SPACING.search(lines[9])


def test_declared_tolerance_without_a_note_is_reported(tmp_path: Path):
    from test_structure import tolerance_note_problems

    block = (
        "```python\n# 输出容差：abs=0.05\nprint(0.5)\n```\n\n"
        "<!--pytest-codeblocks:expected-output-->\n```text\n0.5\n```\n\n"
    )
    silent = tmp_path / "silent.md"
    silent.write_text("# 页\n\n" + block + "别的话。\n", encoding="utf-8")
    told = tmp_path / "told.md"
    told.write_text("# 页\n\n" + block + "训练后的数值按容差 0.05 比对。\n", encoding="utf-8")
    assert len(tolerance_note_problems({silent: harness.scan_page(silent)})) == 1
    assert tolerance_note_problems({told: harness.scan_page(told)}) == []
