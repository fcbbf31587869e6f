"""预热的示例运行器：一个已经 import 了 torch（含 torch._dynamo）、torchvision、numpy、matplotlib 的解释器，
每收到一个请求就 fork 出一个子进程，把示例当作 ``python 文件`` 运行。

这样做是因为示例本身的计算很少，以 ``python 文件`` 方式运行时，大部分时间花在启动解释器和 import 上。
tests/runner.py 启动它（环境与 ``python 文件`` 方式完全相同），通过标准输入输出交换一行一个的 JSON：

    请求  {"script": 绝对路径, "argv0": "x.py", "cwd": 目录, "env": {...},
           "stdout": 文件, "stderr": 文件, "timeout": 秒}
    回复  {"returncode": 整数, "timed_out": 布尔, "duration": 秒}

子进程里做的事与新解释器运行脚本时一致：空的临时目录作当前目录，``__name__ == "__main__"``，
``sys.argv``、``__file__``、``sys.path[0]`` 指向脚本，Python、NumPy 与 torch 的全局随机状态重新播种，
环境变量换成请求里的，stdout 与 stderr 分别写进文件，未捕获的异常打印回溯并以 1 退出，
结束时等待非守护线程、执行 atexit。fork 之前没有执行过任何 torch 运算，所以不存在 torch 的线程池。
"""

from __future__ import annotations

import json
import os
import select
import signal
import sys
import time


def _thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 1


# 预先 import 的库：这些就是示例启动时间的主要来源。
# NumPy 自带的 OpenBLAS 在 import 时就建好线程池，并用 pthread_atfork 在 fork 前把它关掉、
# 在子进程里按需重建；torch 的线程池要到第一次并行运算才建立，所以这里绝不执行任何 torch 运算。
import numpy  # noqa: E402

THREADS_AFTER_NUMPY = _thread_count()

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot  # noqa: E402,F401
import torch  # noqa: E402

# torch 第一次构造优化器（以及 DDP、torch.compile、分布式检查点）时才 import torch._dynamo，
# 约 1 秒，大半训练示例都要付这一笔。它在 import 时只读取配置、不建线程、不做运算，
# 预先 import 不改变示例的行为（要在 import torch 之前设置 TORCH_LOGS 之类变量的示例本来就以新进程运行）。
import torch._dynamo  # noqa: E402,F401
import torchvision  # noqa: E402,F401


def _child(req: dict) -> None:
    """在 fork 出的子进程里运行示例；永不返回。"""
    code = 1
    try:
        os.setsid()  # 自成一个进程组，超时时连同它启动的进程一起结束
        os.chdir(req["cwd"])
        os.environ.clear()
        os.environ.update(req["env"])
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        for fd, path in ((1, req["stdout"]), (2, req["stderr"])):
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(handle, fd)
            os.close(handle)
        os.close(devnull)
        import io

        sys.stdin = io.TextIOWrapper(open(0, "rb", closefd=False), encoding="utf-8")
        sys.stdout = io.TextIOWrapper(open(1, "wb", closefd=False), encoding="utf-8")
        sys.stderr = io.TextIOWrapper(
            open(2, "wb", closefd=False),
            encoding="utf-8",
            errors="backslashreplace",
            line_buffering=True,
        )
        sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr

        import random

        random.seed()
        numpy.random.seed()
        # 新进程里 torch 的默认生成器也用随机的种子（torch.initial_seed() 每次不同）
        torch.seed()
        script = req["script"]
        sys.argv = [req["argv0"]]
        sys.path[0] = os.path.dirname(script)
        code = _run_main(script)
    except BaseException:  # noqa: BLE001 - 运行器自身出错也要有退出码
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        code = _shutdown(code)
        os._exit(code)


def _run_main(script: str) -> int:
    """像解释器运行 ``python 文件`` 那样执行脚本：一个新的 ``__main__`` 模块。

    不用 runpy.run_path：它把 sys.argv[0] 改成完整路径，而 ``python x.py`` 里 sys.argv[0] 是 ``x.py``。
    """
    import builtins
    import importlib.machinery
    import types

    main = types.ModuleType("__main__")
    main.__file__ = script
    main.__builtins__ = builtins
    main.__loader__ = importlib.machinery.SourceFileLoader("__main__", script)
    main.__spec__ = None
    main.__package__ = None
    main.__cached__ = None
    sys.modules["__main__"] = main
    try:
        with open(script, "rb") as f:
            source = f.read()
        exec(compile(source, script, "exec"), main.__dict__)
        return 0
    except SystemExit as exc:
        return _exit_code(exc)
    except BaseException as exc:  # noqa: BLE001
        # 与解释器一样打印回溯，但去掉运行器自己的栈帧
        tb = exc.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != script:
            tb = tb.tb_next
        sys.excepthook(type(exc), exc, tb or exc.__traceback__)
        return 1


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code & 0xFF
    print(exc.code, file=sys.stderr)
    return 1


def _shutdown(code: int) -> int:
    """解释器正常退出时做的事：等非守护线程、执行 atexit、刷新输出。"""
    import atexit
    import threading

    try:
        threading._shutdown()  # type: ignore[attr-defined]
    except BaseException:  # noqa: BLE001
        pass
    try:
        atexit._run_exitfuncs()
    except SystemExit as exc:
        code = _exit_code(exc)
    except BaseException:  # noqa: BLE001
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:  # noqa: BLE001
            pass
    return code


def _wait(pid: int, timeout: float) -> tuple[int, bool]:
    """等子进程结束；超时则结束它的整个进程组。返回 (退出码, 是否超时)。"""
    timed_out = False
    fd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            timed_out = True
            _kill_group(pid)
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    # 示例留下的进程（DataLoader 工作进程、torchrun 的子进程）不能比示例活得更久
    _kill_group(pid)
    return os.waitstatus_to_exitcode(status), timed_out


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def main() -> None:
    reply = sys.stdout
    # 协议只走原来的 stdout；之后任何误写的输出都进 stderr
    sys.stdout = sys.stderr
    hello = {"ready": True, "threads": _thread_count(), "threads_after_numpy": THREADS_AFTER_NUMPY}
    reply.write(json.dumps(hello) + "\n")
    reply.flush()
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            _child(req)
        returncode, timed_out = _wait(pid, float(req["timeout"]))
        reply.write(
            json.dumps(
                {
                    "returncode": returncode,
                    "timed_out": timed_out,
                    "duration": time.perf_counter() - start,
                }
            )
            + "\n"
        )
        reply.flush()


if __name__ == "__main__":
    main()
