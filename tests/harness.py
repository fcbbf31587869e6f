"""测试框架的核心：展开页面、找出代码块、在隔离的临时目录里运行代码并比对输出。

conftest.py 用它生成 pytest 测试项，tools/refresh_outputs.py 用它刷新期望输出，
两边共用同一个运行器，保证“刷新出来的输出”和“测试比对的输出”来自同一种运行方式。
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import http.server
import io
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from functools import cache
from pathlib import Path

import markdown
import yaml
from pytest_codeblocks.main import extract_from_buffer

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
SNIPPETS = REPO / "snippets"
OFFLINE_DIR = REPO / "tests" / "offline"

# 围栏代码块的语言 -> 运行方式。pytest-codeblocks 自己只认 python / sh / bash，
# 这里把所有 Python 与 shell 的写法（包括带属性的 ```python title="x.py"）都收进来。
RUNNABLE_LANGS = {
    "python": "python",
    "py": "python",
    "python3": "python",
    "py3": "python",
    "pycon": "pycon",
    "bash": "bash",
    "sh": "bash",
    "shell": "bash",
    "console": "bash",
    "zsh": "bash",
}

# 浏览器测试与性能脚本共用的 Chromium 设置。默认用 Debian 的 chromium；
# 其他系统（如 GitHub 的 Ubuntu runner）用 PTNOTES_CHROMIUM 指定。后台联网相关的开关都关掉，
# 否则 Chromium 启动时会尝试连接 Google 的服务器。
CHROMIUM = os.environ.get("PTNOTES_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# 每个示例的时间上限（秒）。CONVENTIONS 要求单个示例在 2 核 CPU 上不超过 20 秒，
# 这里留出余量，超时说明示例写得太重，应该缩小规模。
RUN_TIMEOUT = int(os.environ.get("PTNOTES_RUN_TIMEOUT", "120"))

SNIPPET_LINE = re.compile(r"""^\s*-{1,}8<-{1,}\s+(["'])(?P<target>[^"']+)\1\s*$""")
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")


# ---------------------------------------------------------------------------
# 读取 mkdocs.yml 与展开 --8<--
# ---------------------------------------------------------------------------


class _LenientLoader(yaml.SafeLoader):
    """能读 mkdocs.yml 的 YAML 加载器：忽略 !!python/... 这类标签。"""


def _ignore_tag(loader, tag_suffix, node):  # noqa: ARG001
    return None


_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_LenientLoader.add_multi_constructor("!", _ignore_tag)


@cache
def mkdocs_config() -> dict:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_LenientLoader)


@cache
def snippets_config() -> dict:
    for ext in mkdocs_config()["markdown_extensions"]:
        if isinstance(ext, dict) and "pymdownx.snippets" in ext:
            return dict(ext["pymdownx.snippets"])
    raise RuntimeError("mkdocs.yml 里没有配置 pymdownx.snippets")


def expand_markdown(text: str) -> str:
    """用站点同一套 pymdownx.snippets 配置展开 --8<--，得到页面真正显示的 Markdown。"""
    config = snippets_config()
    # base_path 相对仓库根目录；测试从任何目录启动都要能找到文件
    bases = [str(REPO / b) for b in config.get("base_path", ["."])]
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={
            "pymdownx.snippets": {
                "base_path": bases,
                "check_paths": True,
                # 术语表缩写只影响渲染，不影响代码；展开时不追加，行号与源文件对应更直观
                "auto_append": [],
            }
        },
    )
    return "\n".join(md.preprocessors["snippet"].run(text.split("\n")))


# ---------------------------------------------------------------------------
# 独立的围栏扫描器（用来核对 pytest-codeblocks 有没有漏收代码块）
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class Fence:
    lineno: int  # 围栏开始行，1 起
    indent: str
    lang: str  # 小写的语言名，没有则为空串
    info: str
    body: list[str]

    @property
    def kind(self) -> str | None:
        return RUNNABLE_LANGS.get(self.lang)


def fence_lang(info: str) -> str:
    info = info.strip()
    if info.startswith("{"):
        # ``` {.python title="x"} 这种属性写法
        m = re.search(r"\.([\w+-]+)", info)
        return m.group(1).lower() if m else ""
    m = re.match(r"[\w+-]+", info)
    return m.group(0).lower() if m else ""


def scan_fences(text: str) -> list[Fence]:
    lines = text.split("\n")
    fences: list[Fence] = []
    i = 0
    while i < len(lines):
        m = FENCE_OPEN.match(lines[i])
        if not m:
            i += 1
            continue
        fence = m.group("fence")
        start = i
        body = []
        i += 1
        while i < len(lines):
            stripped = lines[i].strip()
            if stripped.startswith(fence[0] * len(fence)) and set(stripped) == {fence[0]}:
                break
            body.append(lines[i])
            i += 1
        fences.append(
            Fence(
                lineno=start + 1,
                indent=m.group("indent"),
                lang=fence_lang(m.group("info")),
                info=m.group("info").strip(),
                body=body,
            )
        )
        i += 1
    return fences


def snippet_targets(body: list[str]) -> list[str]:
    """围栏正文里的 --8<-- 引用，去掉 :section 等后缀之前的原样目标。"""
    out = []
    for line in body:
        m = SNIPPET_LINE.match(line)
        if m:
            out.append(m.group("target"))
    return out


def target_file(target: str) -> str:
    """'snippets/a/b.py:section' -> 'snippets/a/b.py'。"""
    path = target
    m = re.match(r"^(.*?\.\w+)(:.*)?$", target)
    if m:
        path = m.group(1)
    return path


# ---------------------------------------------------------------------------
# 页面里的代码块
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class DocBlock:
    page: Path
    index: int  # 页面里第几个可运行代码块，1 起
    lineno: int  # 展开后的行号
    kind: str  # python / pycon / bash
    code: str
    expected_output: str | None
    marks: list[str]
    sources: list[str]  # 这个块嵌入的 snippet 文件（仓库相对路径）
    whole_file: bool  # 块的内容是否恰好是一个完整的 snippet 文件

    @property
    def name(self) -> str:
        label = f"block{self.index:02d}"
        if self.sources:
            label += f"[{Path(self.sources[0]).name}]"
        return label


@dataclasses.dataclass
class PageScan:
    page: Path
    blocks: list[DocBlock]
    runnable_fences: list[Fence]  # 扫描器看到的所有可运行围栏
    uncollected: list[Fence]  # 扫描器看到、但没有变成测试项的围栏


def _normalize_runnable_fences(expanded: str, fences: list[Fence]) -> str:
    """把 ```py title="x" 之类的开头改写成 pytest-codeblocks 认识的 ```python。"""
    lines = expanded.split("\n")
    canonical = {"python": "python", "pycon": "pycon", "bash": "bash"}
    for f in fences:
        if f.kind:
            m = FENCE_OPEN.match(lines[f.lineno - 1])
            lines[f.lineno - 1] = f"{m.group('indent')}{m.group('fence')}{canonical[f.kind]}"
    return "\n".join(lines)


def scan_page(page: Path) -> PageScan:
    source = page.read_text(encoding="utf-8")
    expanded = expand_markdown(source)
    src_fences = scan_fences(source)
    exp_fences = scan_fences(expanded)
    if len(src_fences) != len(exp_fences):
        raise RuntimeError(
            f"{page}: 展开 --8<-- 前后的围栏数量不同（{len(src_fences)} 对 {len(exp_fences)}），"
            "可能是被嵌入的文件里含有 ``` 围栏"
        )

    normalized = _normalize_runnable_fences(expanded, exp_fences)
    extracted = extract_from_buffer(io.StringIO(normalized), max_num_lines=100_000)
    by_line = {b.lineno: b for b in extracted}

    blocks: list[DocBlock] = []
    runnable: list[Fence] = []
    uncollected: list[Fence] = []
    exp_lines = expanded.split("\n")
    for src_f, exp_f in zip(src_fences, exp_fences, strict=True):
        if not exp_f.kind:
            continue
        runnable.append(exp_f)
        cb = by_line.get(exp_f.lineno)
        if cb is None:
            if _is_continuation(exp_lines, exp_f.lineno):
                continue  # 接在上一个块后面一起运行
            uncollected.append(exp_f)
            continue
        targets = [target_file(t) for t in snippet_targets(src_f.body)]
        whole = (
            len(targets) == 1
            and ":" not in snippet_targets(src_f.body)[0]
            and len([ln for ln in src_f.body if ln.strip()]) == 1
        )
        blocks.append(
            DocBlock(
                page=page,
                index=len(blocks) + 1,
                lineno=exp_f.lineno,
                kind=exp_f.kind,
                code=cb.code,
                expected_output=cb.expected_output,
                marks=list(cb.marks),
                sources=targets,
                whole_file=whole,
            )
        )
    return PageScan(page=page, blocks=blocks, runnable_fences=runnable, uncollected=uncollected)


def _is_continuation(lines: list[str], lineno: int) -> bool:
    j = lineno - 2
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j >= 0 and re.match(r"<!--[-\s]*pytest-codeblocks:cont[-\s]*-->", lines[j].strip())


def markdown_pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if not p.name.startswith("_"))


def notebooks() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)


def snippet_files() -> list[Path]:
    return sorted(p for p in SNIPPETS.rglob("*.py") if "__pycache__" not in p.parts)


def rel(path: Path) -> str:
    return path.resolve().relative_to(REPO).as_posix()


# ---------------------------------------------------------------------------
# 运行代码
# ---------------------------------------------------------------------------


@dataclasses.dataclass
class RunResult:
    stdout: str
    stderr: str
    returncode: int
    duration: float
    timed_out: bool = False
    reused: bool = False
    # 示例在当前目录里画出的图（文件名 -> 内容），用来核对页面上的配图确实由示例生成
    images: dict[str, bytes] = dataclasses.field(default_factory=dict)


def example_env(workdir: Path | None = None) -> dict[str, str]:
    """示例子进程的环境：断网补丁、无界面的 matplotlib、固定哈希种子。

    给了 workdir 时，torch.hub 与 Hugging Face 的缓存目录指向它下面的 .torch / .hf：
    示例读不到本机真实的缓存，准备函数可以把权重文件放进这两个目录，供示例离线加载。
    """
    env = dict(os.environ)
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
    return env


def _cache_dir() -> Path | None:
    """同一次测试运行里各 worker 共享的结果目录（conftest 设置）；没有时只在进程内缓存。"""
    value = os.environ.get("PTNOTES_RUN_CACHE")
    return Path(value) if value else None


_cache: dict[str, RunResult] = {}


def run_code(kind: str, code: str, script_name: str, prepare=None, prepare_key="") -> RunResult:
    """在一个全新的空临时目录里运行一段代码（Python 以 `python 文件` 方式运行，即 __main__）。

    同一段代码在同一准备条件下只运行一次：页面上嵌入整个 snippet 的代码块，
    与该 snippet 文件本身是同一份代码，后到的测试项直接复用第一次的运行结果。
    pytest-xdist 的多个 worker 通过 PTNOTES_RUN_CACHE 目录和文件锁共享结果。
    """
    # 页面块比文件多一个结尾换行，内容相同即视为同一段代码
    code = code.rstrip("\n") + "\n"
    key = hashlib.sha256(f"{kind}\0{script_name}\0{prepare_key}\0{code}".encode()).hexdigest()
    if key in _cache:
        return dataclasses.replace(_cache[key], reused=True)
    shared = _cache_dir()
    if shared is None:
        result = _run_uncached(kind, code, script_name, prepare)
        _cache[key] = result
        return result

    from filelock import FileLock

    shared.mkdir(parents=True, exist_ok=True)
    stored = shared / f"{key}.pickle"
    with FileLock(str(shared / f"{key}.lock")):
        if stored.exists():
            result = dataclasses.replace(pickle.loads(stored.read_bytes()), reused=True)
        else:
            result = _run_uncached(kind, code, script_name, prepare)
            stored.write_bytes(pickle.dumps(result))
    _cache[key] = dataclasses.replace(result, reused=False)
    return result


def _run_uncached(kind: str, code: str, script_name: str, prepare) -> RunResult:
    workdir = Path(tempfile.mkdtemp(prefix="ptnotes-"))
    try:
        if prepare is not None:
            prepare(workdir)
        if kind == "python":
            script = workdir / script_name
            script.write_text(code, encoding="utf-8")
            cmd = [sys.executable, script.name]
        elif kind == "pycon":
            script = workdir / (Path(script_name).stem + ".txt")
            script.write_text(code, encoding="utf-8")
            cmd = [sys.executable, "-m", "doctest", "-o", "ELLIPSIS", script.name]
        elif kind == "bash":
            script = workdir / (Path(script_name).stem + ".sh")
            script.write_text(code, encoding="utf-8")
            cmd = ["bash", "-e", "-o", "pipefail", script.name]
        else:
            raise ValueError(kind)
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                cmd,
                cwd=workdir,
                env=example_env(workdir),
                capture_output=True,
                text=True,
                timeout=RUN_TIMEOUT,
                stdin=subprocess.DEVNULL,
            )
            result = RunResult(
                proc.stdout, proc.stderr, proc.returncode, time.perf_counter() - start
            )
            result.images = {p.name: p.read_bytes() for p in sorted(workdir.glob("*.png"))}
        except subprocess.TimeoutExpired as exc:
            result = RunResult(
                _text(exc.stdout),
                _text(exc.stderr),
                -1,
                time.perf_counter() - start,
                timed_out=True,
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def _text(value) -> str:
    if value is None:
        return ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


@contextlib.contextmanager
def serve_directory(directory: Path):
    """在本机随机端口上用静态 HTTP 服务器提供一个目录，产出根地址。浏览器测试与性能脚本共用。"""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # 不把每个请求都打印出来
        pass


def install_network_guard() -> None:
    """让当前进程也只能连本机：与示例子进程用同一份断网补丁（tests/offline/sitecustomize.py）。"""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "ptnotes_offline", OFFLINE_DIR / "sitecustomize.py"
    )
    spec.loader.exec_module(importlib.util.module_from_spec(spec))


# ---------------------------------------------------------------------------
# 输出比对
# ---------------------------------------------------------------------------


def normalize_output(text: str) -> str:
    """去掉每行行尾空白和末尾空行；其余（包括对齐用的空格）逐字比较。"""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


WILDCARD = "<...>"


def output_matches(expected: str, actual: str) -> bool:
    """逐字比较；期望输出里的 `<...>` 可匹配任意文字（同一行或跨行）。

    普通的 `...` 不是通配符：PyTorch 打印大张量、报错信息里都会出现它，必须逐字比对。
    只有确实无法固定的值（比如耗时、机器相关的版本号）才用 `<...>`，并且页面上要说明原因。
    """
    exp = normalize_output(expected)
    act = normalize_output(actual)
    if WILDCARD not in exp:
        return exp == act
    pattern = ".*?".join(re.escape(part) for part in exp.split(WILDCARD))
    return re.fullmatch(pattern, act, flags=re.DOTALL) is not None


def describe_mismatch(expected: str, actual: str) -> str:
    import difflib

    diff = difflib.unified_diff(
        normalize_output(expected).split("\n"),
        normalize_output(actual).split("\n"),
        fromfile="期望输出（页面上显示的）",
        tofile="实际输出",
        lineterm="",
    )
    return "\n".join(diff)


def expected_output_path(snippet: Path) -> Path:
    return snippet.with_suffix(".out")


IMAGES = DOCS / "assets" / "images"


def image_dir(snippet: Path) -> Path:
    """示例画的图提交到 docs/assets/images/<snippet 所在目录名>/ 下，页面从那里引用。"""
    return IMAGES / snippet.parent.name
