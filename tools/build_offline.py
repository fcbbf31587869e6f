"""构建离线版：不需要服务器、从文件系统直接打开就能读（搜索也能用）的整站，打包成一个 zip。

用法：
    .venv/bin/python tools/build_offline.py                  # site-offline/ 与 pytorch-notes-zh-offline.zip
    .venv/bin/python tools/build_offline.py --dir D --no-zip # 只构建到目录 D（浏览器测试用）

读者解压后打开 index.html 即可。发布流程（.github/workflows/offline.yml）把 zip 附在每个 Release 上。
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = "pytorch-notes-zh-offline"


def build(site_dir: Path) -> None:
    if site_dir.exists():
        shutil.rmtree(site_dir)
    env = dict(os.environ, PTNOTES_OFFLINE="true", NO_MKDOCS_2_WARNING="1")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site_dir)],
        cwd=REPO,
        env=env,
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=REPO / "site-offline")
    parser.add_argument("--no-zip", action="store_true")
    args = parser.parse_args()
    build(args.dir)
    if not args.no_zip:
        archive = shutil.make_archive(str(REPO / ARCHIVE), "zip", root_dir=args.dir)
        size = Path(archive).stat().st_size / 2**20
        print(f"离线版：{Path(archive).relative_to(REPO)}（{size:.1f} MiB），解压后打开 index.html")


if __name__ == "__main__":
    main()
