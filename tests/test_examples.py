"""运行站点上的每一段代码。

- 页面代码块：docs/ 下每个 Markdown 页面里每个 Python / shell 围栏（--8<-- 展开之后），
  以 `python 文件` 的方式在空临时目录里运行；下面跟着输出块的，逐字比对输出。
- snippet 文件：snippets/ 下每个 .py 作为脚本在空临时目录里运行，输出与同名 .out 比对，
  画出的图与提交到 docs/assets/images/ 下的图一一对应。
- Notebook：docs/ 下每个 .ipynb 从头到尾执行，文本输出与提交的一致。

设置 PTNOTES_SKIP_OUTPUT_CHECK=1 时只要求运行成功、不比对输出（在 GPU 上跑全部示例时用）。
"""

from __future__ import annotations

import copy
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import harness
import pytest
from fixtures import preparer_for

CHECK_OUTPUT = os.environ.get("PTNOTES_SKIP_OUTPUT_CHECK") != "1"


def _eval_mark(text: str):
    return eval(text, {"pytest": pytest, "sys": sys, "os": os, "__import__": __import__})


def _doc_block_params():
    params = []
    for page in harness.markdown_pages():
        for block in harness.scan_page(page).blocks:
            marks = [_eval_mark(m) for m in block.marks]
            test_id = f"{harness.rel(page).removeprefix('docs/')}::{block.name}"
            params.append(pytest.param(block, marks=marks, id=test_id))
    return params


def _report_failure(result: harness.RunResult, what: str) -> None:
    if result.timed_out:
        pytest.fail(
            f"{what} 超时（{harness.RUN_TIMEOUT} s）。\n{result.stderr[-3000:]}", pytrace=False
        )
    if result.returncode != 0:
        pytest.fail(
            f"{what} 运行失败（退出码 {result.returncode}）。\n"
            f"--- stdout ---\n{result.stdout[-2000:]}\n--- stderr ---\n{result.stderr[-4000:]}",
            pytrace=False,
        )


@pytest.mark.parametrize("block", _doc_block_params())
def test_doc_block(block: harness.DocBlock, record_property, request):
    label = dict(request.node.user_properties)["label"]

    if block.whole_file:
        script_name = Path(block.sources[0]).name
    else:
        script_name = f"{block.page.stem}_block{block.index:02d}.py"
    prepare, key = preparer_for(block.sources)
    result = harness.run_code(block.kind, block.code, script_name, prepare, key)
    record_property("run_seconds", result.duration)
    record_property("reused", result.reused)
    _report_failure(result, label)

    if CHECK_OUTPUT and block.expected_output is not None:
        if not harness.output_matches(block.expected_output, result.stdout):
            pytest.fail(
                f"{label} 的输出与页面上显示的不一致：\n"
                + harness.describe_mismatch(block.expected_output, result.stdout)
                + "\n刷新方法：.venv/bin/python tools/refresh_outputs.py <snippet 路径>",
                pytrace=False,
            )


def _snippet_params():
    params = []
    for path in harness.snippet_files():
        params.append(pytest.param(path, id=harness.rel(path)))
    return params


@pytest.mark.parametrize("snippet", _snippet_params())
def test_snippet_file(snippet: Path, record_property):
    name = harness.rel(snippet)
    prepare, key = preparer_for([name])
    result = harness.run_code(
        "python", snippet.read_text(encoding="utf-8"), snippet.name, prepare, key
    )
    record_property("run_seconds", result.duration)
    record_property("reused", result.reused)
    _report_failure(result, name)

    if not CHECK_OUTPUT:
        return
    expected_path = harness.expected_output_path(snippet)
    assert expected_path.exists(), f"{name} 缺少期望输出文件 {harness.rel(expected_path)}"
    expected = expected_path.read_text(encoding="utf-8")
    if not harness.output_matches(expected, result.stdout):
        pytest.fail(
            f"{name} 的输出与 {harness.rel(expected_path)} 不一致：\n"
            + harness.describe_mismatch(expected, result.stdout)
            + f"\n刷新方法：.venv/bin/python tools/refresh_outputs.py {name}",
            pytrace=False,
        )

    # 页面上的配图必须出自这个示例：示例画出的每张图都已提交，且提交的图仍由它画出
    image_dir = harness.image_dir(snippet)
    for image in result.images:
        assert (image_dir / image).exists(), (
            f"{name} 画出了 {image}，但 {harness.rel(image_dir / image)} 不存在；"
            "运行 tools/refresh_outputs.py 复制过去"
        )


def _text_outputs(nb) -> list[list[str]]:
    """每个代码单元的文本输出（stream 与 text/plain），用于比对。"""
    result = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        # 内核按时间把 stdout 切成若干段，切法每次可能不同：先把一个单元的 stdout 拼起来再比
        stdout = "".join(
            out.text
            for out in cell.get("outputs", [])
            if out.output_type == "stream" and out.name == "stdout"
        )
        texts = [harness.normalize_output(stdout)] if stdout else []
        for out in cell.get("outputs", []):
            if out.output_type in ("execute_result", "display_data"):
                plain = out.get("data", {}).get("text/plain")
                if plain and "image/png" not in out.get("data", {}):
                    texts.append(harness.normalize_output(plain))
        result.append(texts)
    return result


@pytest.mark.parametrize("notebook", harness.notebooks(), ids=lambda p: harness.rel(p))
def test_notebook(notebook: Path, record_property):
    import nbformat
    from nbclient import NotebookClient

    name = harness.rel(notebook)
    stored = nbformat.read(notebook, as_version=4)
    nb = copy.deepcopy(stored)
    workdir = Path(tempfile.mkdtemp(prefix="ptnotes-nb-"))
    old_env = dict(os.environ)
    os.environ.update(harness.example_env())
    try:
        start = time.perf_counter()
        NotebookClient(
            nb,
            timeout=harness.RUN_TIMEOUT,
            kernel_name="python3",
            resources={"metadata": {"path": str(workdir)}},
        ).execute()
        record_property("run_seconds", time.perf_counter() - start)
    finally:
        os.environ.clear()
        os.environ.update(old_env)
        shutil.rmtree(workdir, ignore_errors=True)

    code_cells = [c for c in stored.cells if c.cell_type == "code"]
    assert code_cells, f"{name} 没有代码单元"
    stored_outputs = [o for c in code_cells for o in c.get("outputs", [])]
    assert stored_outputs, f"{name} 提交时没有保存输出，页面上会看不到运行结果"
    if CHECK_OUTPUT:
        assert _text_outputs(nb) == _text_outputs(stored), (
            f"{name} 重新执行后的文本输出与提交的不一致；"
            f"刷新：.venv/bin/jupyter nbconvert --to notebook --execute --inplace {name}"
        )
