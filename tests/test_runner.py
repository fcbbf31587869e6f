"""预热运行器的测试：它必须给出与 `python 文件` 相同的结果。

每个程序分别用预热运行器（fork）和新进程各跑一次，比较退出码与 stdout。
覆盖读者的脚本会用到、fork 最容易出错的地方：DataLoader 工作进程、spawn 启动的进程、
子进程（torchrun）、torch.compile、matplotlib 存图、异常退出、随机状态。
"""

from __future__ import annotations

import textwrap

import pytest
import runner

pytestmark = pytest.mark.slow


def run(code: str, mode: str, monkeypatch, machine: str = "native", name: str = "prog.py"):
    monkeypatch.setenv("PTNOTES_RUNNER", mode)
    monkeypatch.delenv("PTNOTES_RUN_CACHE", raising=False)
    monkeypatch.setattr(runner, "_cache", {})
    return runner.run_code("python", textwrap.dedent(code), name, machine=machine)


def both(code: str, monkeypatch, **kwargs):
    warm = run(code, "warm", monkeypatch, **kwargs)
    fresh = run(code, "fresh", monkeypatch, **kwargs)
    assert warm.how == "warm" and fresh.how == "fresh"
    assert (warm.returncode, warm.stdout) == (fresh.returncode, fresh.stdout), (
        f"预热：{warm.returncode}\n{warm.stdout}\n{warm.stderr[-2000:]}\n"
        f"新进程：{fresh.returncode}\n{fresh.stdout}\n{fresh.stderr[-2000:]}"
    )
    return warm, fresh


def test_script_context_is_that_of_python_file(monkeypatch):
    warm, _ = both(
        """
        import os, sys
        from pathlib import Path
        print(__name__, Path(__file__).name, sys.argv)
        print(Path(__file__).parent == Path.cwd(), Path(sys.path[0]) == Path.cwd())
        print(sorted(p.name for p in Path.cwd().iterdir()))
        print(os.environ["MPLBACKEND"], os.environ["PYTHONHASHSEED"], Path(os.environ["TORCH_HOME"]).parent == Path.cwd())
        print("ATEN_CPU_CAPABILITY" in os.environ)
        """,
        monkeypatch,
    )
    assert warm.stdout.splitlines() == [
        "__main__ prog.py ['prog.py']",
        "True True",
        "['prog.py']",
        "Agg 0 True",
        "False",
    ]


def test_stdout_and_stderr_apart_and_exit_codes(monkeypatch):
    warm, fresh = both(
        """
        import sys
        print("到 stdout")
        print("到 stderr", file=sys.stderr)
        raise ValueError("坏了")
        """,
        monkeypatch,
    )
    for result in (warm, fresh):
        assert result.returncode == 1
        assert "到 stderr" in result.stderr and "到 stderr" not in result.stdout
        assert "Traceback" in result.stderr and "ValueError: 坏了" in result.stderr
    warm, _ = both("import sys\nprint('x')\nsys.exit(3)\n", monkeypatch)
    assert warm.returncode == 3
    warm, _ = both("import sys\nsys.exit('消息')\n", monkeypatch)
    assert warm.returncode == 1 and "消息" in warm.stderr


def test_atexit_and_threads_run_before_exit(monkeypatch):
    warm, _ = both(
        """
        import atexit, threading, time
        atexit.register(lambda: print("atexit 执行了"))
        def late():
            time.sleep(0.2)
            print("非守护线程结束")
        threading.Thread(target=late).start()
        print("主程序结束")
        """,
        monkeypatch,
    )
    assert warm.stdout.splitlines() == ["主程序结束", "非守护线程结束", "atexit 执行了"]


def test_dataloader_worker_processes(monkeypatch):
    warm, _ = both(
        """
        import torch
        from torch.utils.data import DataLoader, TensorDataset, get_worker_info

        class Tagged(TensorDataset):
            def __getitem__(self, i):
                return super().__getitem__(i)[0], get_worker_info().id

        if __name__ == "__main__":
            data = Tagged(torch.arange(8.0))
            loader = DataLoader(data, batch_size=2, num_workers=2)
            for x, worker in loader:
                print(x.tolist(), worker.tolist())
        """,
        monkeypatch,
    )
    assert "[0.0, 1.0] [0, 0]" in warm.stdout and "[2.0, 3.0] [1, 1]" in warm.stdout


def test_multiprocessing_spawn(monkeypatch):
    warm, _ = both(
        """
        import torch
        import torch.multiprocessing as mp

        def work(rank, queue):
            queue.put((rank, torch.tensor([rank + 1.0]).sum().item()))

        if __name__ == "__main__":
            ctx = mp.get_context("spawn")
            queue = ctx.SimpleQueue()
            mp.spawn(work, args=(queue,), nprocs=2)
            print(sorted(queue.get() for _ in range(2)))
        """,
        monkeypatch,
    )
    assert warm.stdout.strip() == "[(0, 1.0), (1, 2.0)]"


def test_subprocess_torchrun(monkeypatch):
    warm, _ = both(
        """
        import subprocess, sys
        from pathlib import Path
        # 两个工作进程同时写一个管道时输出会交错，所以各写各的文件
        Path("worker.py").write_text(
            "import os\\nfrom pathlib import Path\\n"
            "Path('rank' + os.environ['RANK']).write_text(os.environ['RANK'] + ' of ' + os.environ['WORLD_SIZE'])\\n"
        )
        subprocess.run(
            [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2", "worker.py"],
            capture_output=True, text=True, check=True,
        )
        print(sorted("rank " + p.read_text() for p in Path.cwd().glob("rank[0-9]")))
        """,
        monkeypatch,
    )
    assert warm.stdout.strip() == "['rank 0 of 2', 'rank 1 of 2']"


def test_torch_compile(monkeypatch):
    warm, _ = both(
        """
        import torch

        @torch.compile
        def f(x):
            return torch.sin(x) ** 2 + torch.cos(x) ** 2

        x = torch.linspace(0, 3, 5)
        print(torch.allclose(f(x), torch.ones(5)))
        """,
        monkeypatch,
    )
    assert warm.stdout.strip() == "True"


def test_matplotlib_figure_saved_to_folder(monkeypatch):
    warm, fresh = both(
        """
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.plot([0, 1], [1, 0])
        fig.savefig("line.png")
        print("saved")
        """,
        monkeypatch,
    )
    assert list(warm.images) == ["line.png"]
    assert warm.images == fresh.images


def test_random_state_like_a_new_process(monkeypatch):
    code = """
        import random
        import numpy as np
        import torch
        print(random.random(), np.random.rand(), torch.rand(1).item())
        """
    first = run(code, "warm", monkeypatch).stdout.split()
    second = run(code, "warm", monkeypatch).stdout.split()
    fresh = run(code, "fresh", monkeypatch).stdout.split()
    fresh2 = run(code, "fresh", monkeypatch).stdout.split()
    # 不设种子时，新进程里 Python、NumPy、torch 的随机数每次都不同；预热运行器必须一样
    assert all(a != b for a, b in zip(fresh, fresh2, strict=True))
    assert all(a != b for a, b in zip(first, second, strict=True))
    seeded = "import torch\ntorch.manual_seed(0)\nprint(torch.rand(2))\n"
    both(seeded, monkeypatch)


def test_no_torch_threads_exist_at_fork(monkeypatch):
    run("print(1)", "warm", monkeypatch)
    assert runner.warm_server("native").extra_threads == 0


def test_portable_machine_settings_reach_the_example(monkeypatch):
    warm, _ = both(
        """
        import torch
        print(torch.get_num_threads(), torch.backends.cpu.get_cpu_capability())
        """,
        monkeypatch,
        machine="portable",
    )
    assert warm.stdout.strip() == "1 DEFAULT"


def test_network_is_blocked_in_the_warm_child(monkeypatch):
    warm, _ = both(
        """
        import socket
        try:
            socket.create_connection(("8.8.8.8", 53), timeout=1)
        except OSError as exc:
            print("被拦截：", "禁止访问网络" in str(exc))
        """,
        monkeypatch,
    )
    assert warm.stdout.strip() == "被拦截： True"


def test_timeout_kills_the_example(monkeypatch):
    # 上限留得宽一些：机器很忙时，子进程要过一会儿才轮得到打印（fork 出的子进程不用再 import，几毫秒就能打印）
    monkeypatch.setattr(runner, "RUN_TIMEOUT", 4)
    result = run("import time\nprint('开始', flush=True)\ntime.sleep(600)\n", "warm", monkeypatch)
    assert result.timed_out and result.returncode == -1
    assert result.stdout.strip() == "开始"


def test_declared_fresh_process_is_honoured(monkeypatch):
    code = """
        # 运行方式：新进程（在 import torch 之前设置线程数）
        import os
        os.environ["OMP_NUM_THREADS"] = "1"
        import torch
        print(torch.get_num_threads())
        """
    result = run(code, "warm", monkeypatch)
    assert result.how == "fresh" and result.stdout.strip() == "1"


def _script_notebook(code: str):
    import nbformat

    # 与 hooks/chapter_notebook.py 生成的一样：%%writefile 写出脚本，下一个单元 %%bash 运行它
    return nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("x = 41"),
            nbformat.v4.new_code_cell(f"%%writefile prog.py\n{textwrap.dedent(code)}"),
            nbformat.v4.new_code_cell("%%bash\npython prog.py"),
            nbformat.v4.new_code_cell("print(x + 1)"),
        ]
    )


def _streams(cell) -> dict[str, str]:
    """单元的 stdout、stderr 文本。内核里的 %%bash 边读边输出，同一个流可能被切成几段，拼起来比较。"""
    streams: dict[str, str] = {}
    for out in cell.outputs:
        if out["output_type"] == "stream":
            streams[out["name"]] = streams.get(out["name"], "") + out["text"]
    return streams


def test_script_cells_of_a_notebook_run_like_in_jupyter(monkeypatch, tmp_path):
    """Notebook 里运行脚本的 %%bash 单元：预热运行器给出的输出与内核里真的运行 python 一样。"""
    code = """
        import sys
        from pathlib import Path
        import torch
        print(Path(__file__).name, sys.argv, Path.cwd() == Path(__file__).parent)
        print("线程数", torch.get_num_threads())
        print("到 stderr", file=sys.stderr)
        """
    results = {}
    for mode in ("warm", "fresh"):
        monkeypatch.setenv("PTNOTES_RUNNER", mode)
        workdir = tmp_path / mode
        workdir.mkdir()
        nb = _script_notebook(code)
        runner.execute_notebook(nb, workdir, "portable")
        results[mode] = [_streams(c) for c in nb.cells]
    assert results["warm"] == results["fresh"]
    assert results["warm"][2] == {
        "stdout": "prog.py ['prog.py'] True\n线程数 1\n",
        "stderr": "到 stderr\n",
    }
    assert results["warm"][3] == {"stdout": "42\n"}


@pytest.mark.parametrize("mode", ["warm", "fresh"])
def test_failing_script_cell_fails_the_notebook(monkeypatch, tmp_path, mode):
    from nbclient.exceptions import CellExecutionError

    monkeypatch.setenv("PTNOTES_RUNNER", mode)
    nb = _script_notebook("print('开始')\nraise SystemExit(3)\n")
    with pytest.raises(CellExecutionError) as failure:
        runner.execute_notebook(nb, tmp_path, "portable")
    assert failure.value.ename == "CalledProcessError"
    assert "exit status 3" in failure.value.evalue
    assert _streams(nb.cells[2])["stdout"] == "开始\n"
