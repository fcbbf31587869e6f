"""第 20 章：综合项目。后面的步骤要用前面步骤写到磁盘上的东西。

页面上告诉读者在同一个文件夹里按顺序运行各步；测试里每个示例却在自己的空目录里运行。
这里按同样的顺序真的运行前面几步的 snippet 文件（``python 文件``，与读者的做法相同），
把它们写出的数据集、检查点、分数、导出的模型复制进示例的临时目录。
每一阶段只算一次（按这几个文件的内容缓存在临时目录里），之后直接复制缓存。

本章的训练、评估和导出都用 float64：float32 下不同 CPU 内核的舍入差异会在训练中一轮轮放大，
换一台机器阈值和计数就变了；float64 下各步的分数在不同设置之间只差 1e-15 左右，
所以前面几步在什么设置下运行（包括 ATEN_CPU_CAPABILITY=default OMP_NUM_THREADS=1），
后面每一步的输出都相同。
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SNIPPETS = Path(__file__).resolve().parents[2] / "snippets" / "20_project"
# 流水线的步骤，按顺序；第 n 阶段 = 依次运行前 n 个文件之后的目录
STEPS = ["make_dataset.py", "train.py", "evaluate.py", "export_model.py"]
_stages: dict[int, Path] = {}


def _stage(n: int) -> Path:
    if n in _stages:
        return _stages[n]
    digest = hashlib.sha256()
    for name in STEPS[:n]:
        digest.update((SNIPPETS / name).read_bytes())
    folder = Path(tempfile.gettempdir()) / f"ptnotes-ch20-stage{n}-{digest.hexdigest()[:12]}"
    from filelock import FileLock  # 几个 pytest 工作进程可能同时要同一阶段

    with FileLock(str(folder) + ".lock"):
        _build(n, folder)
    _stages[n] = folder
    return folder


def _build(n: int, folder: Path) -> None:
    if not (folder / ".done").exists():
        shutil.rmtree(folder, ignore_errors=True)
        if n > 1:
            shutil.copytree(_stage(n - 1), folder)
            (folder / ".done").unlink()
        else:
            folder.mkdir(parents=True)
        proc = subprocess.run(
            [sys.executable, str(SNIPPETS / STEPS[n - 1])],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"准备第 20 章的 {STEPS[n - 1]} 失败：\n{proc.stderr}")
        (folder / ".done").touch()


def _copy_stage(n: int):
    def prepare(workdir: Path) -> None:
        source = _stage(n)
        for item in source.iterdir():
            # 顶层的 PNG 是前面步骤画的图，不能混进当前示例的输出图里
            if item.name == ".done" or item.suffix == ".png":
                continue
            if item.is_dir():
                shutil.copytree(item, workdir / item.name, dirs_exist_ok=True)
            else:
                shutil.copy2(item, workdir / item.name)

    return prepare


DATA, TRAINED, SCORED, EXPORTED = (_copy_stage(n) for n in (1, 2, 3, 4))

PREPARERS = {
    "snippets/20_project/check_data.py": DATA,
    "snippets/20_project/baseline.py": DATA,
    "snippets/20_project/sanity_checks.py": DATA,
    "snippets/20_project/train.py": DATA,
    "snippets/20_project/evaluate.py": TRAINED,
    "snippets/20_project/error_analysis.py": SCORED,
    "snippets/20_project/export_model.py": SCORED,
    "snippets/20_project/serve_inspection.py": EXPORTED,
    "snippets/20_project/ex01_cost_threshold.py": SCORED,
    "snippets/20_project/ex04_onnx_export.py": SCORED,
}
