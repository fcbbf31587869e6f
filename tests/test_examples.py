"""运行站点上的每一段代码。

- 页面代码块：docs/ 下每个 Markdown 页面里每个 Python / shell 围栏（--8<-- 展开之后），
  以 `python 文件` 的方式在空临时目录里运行；下面跟着输出块的，逐字比对输出。
- snippet 文件：snippets/ 下每个 .py 作为脚本在空临时目录里运行，输出与同名 .out 比对，
  画出的图与提交到 docs/assets/images/ 下的图一一对应。
- Notebook：docs/ 下每个 .ipynb 从头到尾执行，文本输出与提交的一致。

每个示例在两种“机器”上各跑一次（见 tests/runner.py）：本机的默认设置（native，这里作为脚本），
以及另一种 CPU 内核加单线程（portable）。portable 一遍在章节 Notebook 里（tests/test_chapter_notebooks.py，
由 tests/notebook_plan.py 决定哪些示例在那里运行、怎样比对），Notebook 覆盖不到的才在这里作为脚本运行。
两次都与同一份期望输出比对，浮点数按打印位数留容差，示例可以在代码里声明更宽的容差（见 tests/compare.py）。

设置 PTNOTES_SKIP_OUTPUT_CHECK=1 时只要求运行成功、不比对输出。
设置 PTNOTES_MACHINES=native 时只跑本机一遍（只在调试时用；make test 与 CI 两遍都跑）。
"""

from __future__ import annotations

import copy
import os
import shutil
import sys
import tempfile
from pathlib import Path

import harness
import notebook_plan
import pytest
from fixtures import preparer_for

CHECK_OUTPUT = os.environ.get("PTNOTES_SKIP_OUTPUT_CHECK") != "1"
MACHINES = notebook_plan.SELECTED_MACHINES
machine_param = pytest.mark.parametrize("machine", MACHINES)


def _machines_for(in_notebook: bool) -> list[str]:
    """一个示例作为脚本在哪些机器设置下运行。

    native 总是运行（空目录里的脚本）。章节 Notebook 在 portable 设置下执行并逐单元比对输出，
    在 Notebook 里原样运行的示例不再另跑一遍 portable 脚本（见 tests/notebook_plan.py）。
    """
    return [
        m
        for m in MACHINES
        if not (in_notebook and m == notebook_plan.NOTEBOOK_MACHINE and m != "native")
    ]


def _eval_mark(text: str):
    return eval(text, {"pytest": pytest, "sys": sys, "os": os, "__import__": __import__})


def _doc_block_params():
    params = []
    for page in harness.markdown_pages():
        try:
            scan = harness.scan_page(page)
        except Exception as exc:  # noqa: BLE001
            # 一个页面读不了（例如嵌入的文件不存在），只让这个页面失败，不妨碍收集其他页面
            reason = f"{type(exc).__name__}: {exc}"
            test_id = f"{harness.rel(page).removeprefix('docs/')}::unreadable"
            params.append(pytest.param(reason, "native", id=test_id))
            continue
        for block in scan.blocks:
            marks = [_eval_mark(m) for m in block.marks]
            test_id = f"{harness.rel(page).removeprefix('docs/')}::{block.name}"
            for machine in _machines_for(notebook_plan.block_runs_in_notebook(block)):
                params.append(pytest.param(block, machine, marks=marks, id=f"{test_id}-{machine}"))
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


@pytest.mark.parametrize(("block", "machine"), _doc_block_params())
def test_doc_block(block: harness.DocBlock, machine: str, record_property, request):
    if isinstance(block, str):
        pytest.fail(f"页面无法展开：{block}", pytrace=False)
    label = dict(request.node.user_properties)["label"]

    if block.whole_file:
        script_name = Path(block.sources[0]).name
    else:
        script_name = f"{block.page.stem}_block{block.index:02d}.py"
    prepare, key = preparer_for(block.sources)
    result = harness.run_code(block.kind, block.code, script_name, prepare, key, machine)
    _record(record_property, result, machine)
    _report_failure(result, label)

    if CHECK_OUTPUT and block.expected_output is not None:
        tolerance = notebook_plan.block_tolerance(block)
        if not harness.output_matches(block.expected_output, result.stdout, tolerance):
            pytest.fail(
                f"{label} 的输出（{machine}）与页面上显示的不一致：\n"
                + harness.describe_mismatch(block.expected_output, result.stdout, tolerance)
                + "\n刷新方法：.venv/bin/python tools/refresh_outputs.py <snippet 路径>",
                pytrace=False,
            )


def _snippet_params():
    params = []
    for path in harness.snippet_files():
        name = harness.rel(path)
        for machine in _machines_for(notebook_plan.snippet_runs_in_notebook(name)):
            params.append(pytest.param(path, machine, id=f"{name}-{machine}"))
    return params


def _record(record_property, result: harness.RunResult, machine: str) -> None:
    record_property("run_seconds", result.duration)
    record_property("reused", result.reused)
    record_property("machine", machine)
    record_property("how", result.how)


@pytest.mark.parametrize(("snippet", "machine"), _snippet_params())
def test_snippet_file(snippet: Path, machine: str, record_property):
    name = harness.rel(snippet)
    prepare, key = preparer_for([name])
    code = snippet.read_text(encoding="utf-8")
    result = harness.run_code("python", code, snippet.name, prepare, key, machine)
    _record(record_property, result, machine)
    _report_failure(result, name)

    if not CHECK_OUTPUT:
        return
    expected_path = harness.expected_output_path(snippet)
    assert expected_path.exists(), f"{name} 缺少期望输出文件 {harness.rel(expected_path)}"
    expected = expected_path.read_text(encoding="utf-8")
    tolerance = harness.parse_tolerance(code)
    if not harness.output_matches(expected, result.stdout, tolerance):
        pytest.fail(
            f"{name} 的输出（{machine}）与 {harness.rel(expected_path)} 不一致：\n"
            + harness.describe_mismatch(expected, result.stdout, tolerance)
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


@machine_param
@pytest.mark.parametrize("notebook", harness.notebooks(), ids=lambda p: harness.rel(p))
def test_notebook(notebook: Path, machine: str, record_property):
    import nbformat

    name = harness.rel(notebook)
    stored = nbformat.read(notebook, as_version=4)
    nb = copy.deepcopy(stored)
    workdir = Path(tempfile.mkdtemp(prefix="ptnotes-nb-"))
    try:
        record_property("run_seconds", harness.execute_notebook(nb, workdir, machine))
        record_property("machine", machine)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    code_cells = [c for c in stored.cells if c.cell_type == "code"]
    assert code_cells, f"{name} 没有代码单元"
    stored_outputs = [o for c in code_cells for o in c.get("outputs", [])]
    assert stored_outputs, f"{name} 提交时没有保存输出，页面上会看不到运行结果"
    if not CHECK_OUTPUT:
        return
    ran, kept = _text_outputs(nb), _text_outputs(stored)
    assert len(ran) == len(kept), f"{name} 重新执行后的代码单元数与提交的不同"
    for number, (got, want) in enumerate(zip(ran, kept, strict=True), start=1):
        tolerance = harness.parse_tolerance(code_cells[number - 1].source)
        same = len(got) == len(want) and all(
            harness.output_matches(w, g, tolerance) for w, g in zip(want, got, strict=True)
        )
        if not same:
            diff = "\n".join(
                harness.describe_mismatch(w, g, tolerance) for w, g in zip(want, got, strict=False)
            )
            pytest.fail(
                f"{name} 第 {number} 个代码单元重新执行（{machine}）后的文本输出与提交的不一致：\n"
                f"{diff}\n刷新：.venv/bin/jupyter nbconvert --to notebook --execute --inplace {name}",
                pytrace=False,
            )
