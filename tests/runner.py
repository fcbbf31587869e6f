"""运行示例：每个示例在一个全新的空临时目录里，作为 ``__main__`` 脚本运行。

两种运行方式，结果必须相同（``make test-fresh`` 用第二种跑全部示例来核对）：

- 预热（默认，``PTNOTES_RUNNER=warm``）：tests/warm_server.py 是一个已经 import 了 torch、torchvision、
  numpy、matplotlib 的解释器，每个示例由它 fork 出的子进程运行，省掉每次约 2 秒的启动与 import；
- 新进程（``PTNOTES_RUNNER=fresh``）：``python 文件``，与读者在命令行里运行完全一样。

声明了 ``# 运行方式：新进程（原因）`` 的示例（它在 import torch 之前设置 torch 读取的环境变量，
或者改变 multiprocessing 的启动方式）总是以新进程运行。shell 与 pycon 代码块也总是新进程。

两种“机器”：``native`` 是本机的默认设置；``portable`` 设置 ``ATEN_CPU_CAPABILITY=default``
（不用 AVX2 / AVX-512 内核）与 ``OMP_NUM_THREADS=1``（另一种归约顺序），代替“读者的另一台机器”。
同一个示例在两种机器上都要与同一份期望输出一致。
"""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from pages import strip_section_marks
from serving import OFFLINE_DIR

TESTS = Path(__file__).resolve().parent

# 每个示例的时间上限（秒）。CONVENTIONS 要求单个示例在 2 核 CPU 上不超过 20 秒，
# 这里留出余量，超时说明示例写得太重，应该缩小规模。
RUN_TIMEOUT = int(os.environ.get("PTNOTES_RUN_TIMEOUT", "120"))

# 另一台机器的替身：torch 在 import 与第一次并行运算时读取这两个变量
MACHINES: dict[str, dict[str, str]] = {
    "native": {},
    "portable": {"ATEN_CPU_CAPABILITY": "default", "OMP_NUM_THREADS": "1"},
}

FRESH_MARKER = re.compile(r"^[ \t]*#[ \t]*运行方式[:：][ \t]*新进程", re.MULTILINE)


def runner_mode() -> str:
    mode = os.environ.get("PTNOTES_RUNNER", "warm")
    if mode not in ("warm", "fresh"):
        raise ValueError(f"PTNOTES_RUNNER 只能是 warm 或 fresh，不是 {mode!r}")
    return mode


def needs_fresh_process(code: str) -> bool:
    """示例是否声明了必须在新解释器里运行。"""
    return FRESH_MARKER.search(code) is not None


@dataclasses.dataclass
class RunResult:
    stdout: str
    stderr: str
    returncode: int
    duration: float
    timed_out: bool = False
    reused: bool = False
    how: str = "fresh"  # warm / fresh：这次实际用的运行方式
    # 示例在当前目录里画出的图（文件名 -> 内容），用来核对页面上的配图确实由示例生成
    images: dict[str, bytes] = dataclasses.field(default_factory=dict)


def example_env(workdir: Path | None = None, machine: str = "native") -> dict[str, str]:
    """示例子进程的环境：断网补丁、无界面的 matplotlib、固定哈希种子。

    给了 workdir 时，torch.hub 与 Hugging Face 的缓存目录指向它下面的 .torch / .hf：
    示例读不到本机真实的缓存，准备函数可以把权重文件放进这两个目录，供示例离线加载。
    """
    env = dict(os.environ)
    # 测试进程自己的变量不传给示例
    for name in list(env):
        if name.startswith(("PYTEST_", "PTNOTES_")):
            del env[name]
    if workdir is not None:
        env["TORCH_HOME"] = str(workdir / ".torch")
        env["HF_HOME"] = str(workdir / ".hf")
    env["PYTHONPATH"] = os.pathsep.join(
        [str(OFFLINE_DIR)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    )
    env["MPLBACKEND"] = "Agg"
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    # 两个示例并行跑在 2 核上时，OpenMP 线程忙等会互相拖慢几十倍；被动等待不改变任何计算结果
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    # 不让 Hugging Face、torch.hub 等库在后台尝试联网
    env["HF_HUB_OFFLINE"] = "1"
    env["NO_PROXY"] = "*"
    env.update(MACHINES[machine])
    # torch.compile 的磁盘缓存按机器设置分开：另一种 CPU 内核编出的 C++ 代码不能混用
    # （共用时 portable 一侧会读到为 AVX2 / AVX-512 生成的代码，g++ 报 at::vec 未声明）
    if machine != "native":
        env["TORCHINDUCTOR_CACHE_DIR"] = str(
            Path(tempfile.gettempdir()) / f"torchinductor_{os.getuid()}_{machine}"
        )
    return env


# ---------------------------------------------------------------------------
# 结果缓存：同一段代码在同一准备条件、同一机器上只运行一次
# ---------------------------------------------------------------------------


def _cache_dir() -> Path | None:
    """同一次测试运行里各 worker 共享的结果目录（conftest 设置）；没有时只在进程内缓存。"""
    value = os.environ.get("PTNOTES_RUN_CACHE")
    return Path(value) if value else None


_cache: dict[str, RunResult] = {}


def run_code(
    kind: str,
    code: str,
    script_name: str,
    prepare=None,
    prepare_key: str = "",
    machine: str = "native",
) -> RunResult:
    """在一个全新的空临时目录里运行一段代码（Python 作为 __main__ 脚本运行）。

    页面上嵌入整个 snippet 的代码块与该 snippet 文件本身是同一份代码，后到的测试项直接复用
    第一次的运行结果。pytest-xdist 的多个 worker 通过 PTNOTES_RUN_CACHE 目录和文件锁共享结果。
    """
    # 页面块比文件多一个结尾换行，内容相同即视为同一段代码
    code = code.rstrip("\n") + "\n"
    # 页面展开时去掉了 snippet 的分段标记行（# --8<-- [start:名字]），这些注释行不影响运行结果
    same_as = strip_section_marks(code)
    key = hashlib.sha256(
        f"{kind}\0{script_name}\0{prepare_key}\0{machine}\0{runner_mode()}\0{same_as}".encode()
    ).hexdigest()
    if key in _cache:
        return dataclasses.replace(_cache[key], reused=True)
    shared = _cache_dir()
    if shared is None:
        result = _run_uncached(kind, code, script_name, prepare, machine)
        _cache[key] = result
        return result

    from filelock import FileLock

    shared.mkdir(parents=True, exist_ok=True)
    stored = shared / f"{key}.pickle"
    with FileLock(str(shared / f"{key}.lock")):
        if stored.exists():
            result = dataclasses.replace(pickle.loads(stored.read_bytes()), reused=True)
        else:
            result = _run_uncached(kind, code, script_name, prepare, machine)
            stored.write_bytes(pickle.dumps(result))
    _cache[key] = dataclasses.replace(result, reused=False)
    return result


def _run_uncached(kind: str, code: str, script_name: str, prepare, machine: str) -> RunResult:
    workdir = Path(tempfile.mkdtemp(prefix="ptnotes-"))
    try:
        if prepare is not None:
            prepare(workdir)
        env = example_env(workdir, machine)
        if kind == "python":
            script = workdir / script_name
            script.write_text(code, encoding="utf-8")
            result = run_script(script, workdir, env, machine)
        elif kind == "pycon":
            script = workdir / (Path(script_name).stem + ".txt")
            script.write_text(code, encoding="utf-8")
            cmd = [sys.executable, "-m", "doctest", "-o", "ELLIPSIS", script.name]
            result = _run_fresh(cmd, workdir, env)
        elif kind == "bash":
            script = workdir / (Path(script_name).stem + ".sh")
            script.write_text(code, encoding="utf-8")
            result = _run_fresh(["bash", "-e", "-o", "pipefail", script.name], workdir, env)
        else:
            raise ValueError(kind)
        result.images = {p.name: p.read_bytes() for p in sorted(workdir.glob("*.png"))}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def run_script(script: Path, workdir: Path, env: dict[str, str], machine: str) -> RunResult:
    """像 ``python 脚本名`` 那样在 workdir 里运行一个脚本：预热模式下由预热的解释器 fork 运行。"""
    if runner_mode() == "warm" and not needs_fresh_process(script.read_text(encoding="utf-8")):
        return warm_server(machine).run(script, workdir, env)
    return _run_fresh([sys.executable, script.name], workdir, env)


def _run_fresh(cmd: list[str], workdir: Path, env: dict[str, str]) -> RunResult:
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            cmd,
            cwd=workdir,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=RUN_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        return RunResult(
            _text(exc.stdout),
            _text(exc.stderr),
            -1,
            time.perf_counter() - start,
            timed_out=True,
        )
    return RunResult(proc.stdout, proc.stderr, proc.returncode, time.perf_counter() - start)


def _text(value) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


# ---------------------------------------------------------------------------
# 预热的运行器（tests/warm_server.py）的客户端
# ---------------------------------------------------------------------------


class WarmServer:
    """一个 warm_server.py 进程；每个测试进程、每种机器各一个，第一次用到时启动。"""

    def __init__(self, machine: str):
        self.machine = machine
        self.proc: subprocess.Popen | None = None
        self.extra_threads: int | None = None
        self.lock = threading.Lock()

    def _start(self) -> None:
        env = example_env(None, self.machine)
        self.proc = subprocess.Popen(
            [sys.executable, str(TESTS / "warm_server.py")],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=tempfile.gettempdir(),
            text=True,
            encoding="utf-8",
        )
        hello = self.proc.stdout.readline()
        if not hello:
            raise RuntimeError("预热的示例运行器没能启动（tests/warm_server.py）")
        hello = json.loads(hello)
        # import torch、torchvision、matplotlib 之后不应多出线程（NumPy 的 OpenBLAS 线程池除外）
        self.extra_threads = hello["threads"] - hello["threads_after_numpy"]

    def _ensure_started(self) -> None:
        """还没有在运行（或已经退出）时启动它；调用者持有 self.lock。"""
        if self.proc is None or self.proc.poll() is not None:
            self._start()

    def start(self) -> None:
        with self.lock:
            self._ensure_started()

    def run(self, script: Path, workdir: Path, env: dict[str, str]) -> RunResult:
        with self.lock:
            self._ensure_started()
            outdir = Path(tempfile.mkdtemp(prefix="ptnotes-io-"))
            try:
                request = {
                    "script": str(script),
                    "argv0": script.name,
                    "cwd": str(workdir),
                    "env": env,
                    "stdout": str(outdir / "stdout"),
                    "stderr": str(outdir / "stderr"),
                    "timeout": RUN_TIMEOUT,
                }
                self.proc.stdin.write(json.dumps(request) + "\n")
                self.proc.stdin.flush()
                line = self.proc.stdout.readline()
                if not line:
                    self.proc = None
                    raise RuntimeError("预热的示例运行器意外退出")
                reply = json.loads(line)
                read = lambda name: (outdir / name).read_text(  # noqa: E731
                    encoding="utf-8", errors="replace"
                )
                return RunResult(
                    read("stdout"),
                    read("stderr"),
                    -1 if reply["timed_out"] else reply["returncode"],
                    reply["duration"],
                    timed_out=reply["timed_out"],
                    how="warm",
                )
            finally:
                shutil.rmtree(outdir, ignore_errors=True)

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


_servers: dict[str, WarmServer] = {}


def warm_server(machine: str) -> WarmServer:
    if machine not in _servers:
        _servers[machine] = WarmServer(machine)
    return _servers[machine]


@atexit.register
def _close_servers() -> None:
    for server in _servers.values():
        server.close()


# 章节 Notebook 里“以新进程运行脚本”的单元（hooks/chapter_notebook.py 生成：前一个单元 %%writefile 写出脚本）
SCRIPT_CELL = re.compile(r"\A%%bash\npython (?P<name>[\w.-]+\.py)\s*\Z")


def execute_notebook(nb, workdir: Path, machine: str = "native") -> float:
    """在 workdir 里用一个新内核从头执行 Notebook（就地写入输出），环境与示例相同；返回耗时（秒）。

    ``%%bash`` 加 ``python 脚本名`` 的单元在内核里会启动一个新的 Python 进程运行刚写出的脚本；
    预热模式下改由预热的运行器在同一目录、同一环境里运行它（与 ``python 文件`` 结果相同，见本模块开头），
    输出照 ``%%bash`` 的样子写回单元：stdout、stderr 两个流，退出码不为 0 时单元报错。
    ``make test-fresh``（新进程模式）让内核自己运行这些单元，与读者在 Jupyter 里完全一样。
    """
    import asyncio

    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    old_env = dict(os.environ)
    env = example_env(workdir, machine)  # 先从当前环境算出示例的环境，再替换（内核继承它）
    warm = runner_mode() == "warm"
    if warm and any(c.cell_type == "code" and SCRIPT_CELL.match(c.source) for c in nb.cells):
        warm_server(machine).start()  # 在替换 os.environ 之前启动：它的环境也要从测试进程的环境算出

    class Client(NotebookClient):
        async def async_execute_cell(
            self, cell, cell_index, execution_count=None, store_history=True
        ):
            script = SCRIPT_CELL.match(cell.source) if warm and cell.cell_type == "code" else None
            if script is None:
                return await super().async_execute_cell(
                    cell, cell_index, execution_count, store_history
                )
            name = script["name"]
            result = await asyncio.to_thread(run_script, workdir / name, workdir, env, machine)
            cell.outputs = [
                nbformat.v4.new_output("stream", name=stream, text=text)
                for stream, text in (("stdout", result.stdout), ("stderr", result.stderr))
                if text
            ]
            if result.returncode != 0:
                raise CellExecutionError(
                    f"python {name} 退出码 {result.returncode}\n{result.stderr[-4000:]}",
                    "CalledProcessError",
                    f"Command 'b'python {name}\\n'' returned non-zero exit status {result.returncode}.",
                )
            return cell

    os.environ.clear()
    os.environ.update(env)
    start = time.perf_counter()
    try:
        Client(
            nb,
            timeout=RUN_TIMEOUT,
            kernel_name="python3",
            resources={"metadata": {"path": str(workdir)}},
            # 跑完直接结束内核：正常关闭要多等约 0.7 秒，而这里没有什么要它收尾的
            shutdown_kernel="immediate",
        ).execute()
    finally:
        os.environ.clear()
        os.environ.update(old_env)
    return time.perf_counter() - start
