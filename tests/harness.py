"""测试框架的入口：各部分分别在自己的模块里，这里把常用的名字集中导出。

- ``pages``：读取 mkdocs.yml、展开 --8<--、扫描围栏、列出页面 / Notebook / snippet；
- ``runner``：在空临时目录里运行示例（预热的 fork 运行器或新进程；本机或“另一台机器”）；
- ``warm_server``：预热运行器本身（一个独立的进程）；
- ``compare``：输出比对与数值容差；
- ``serving``：Chromium 的启动参数、本机静态服务器、断网补丁。

conftest.py 用它生成 pytest 测试项，tools/refresh_outputs.py 用它刷新期望输出，
两边共用同一个运行器与比对规则，保证“刷新出来的输出”和“测试比对的输出”来自同一种运行方式。
"""

from __future__ import annotations

from compare import (  # noqa: F401
    DEFAULT,
    WILDCARD,
    Tolerance,
    describe_mismatch,
    normalize_output,
    output_matches,
    parse_tolerance,
)
from pages import (  # noqa: F401
    DOCS,
    IMAGES,
    REPO,
    SNIPPETS,
    DocBlock,
    Fence,
    PageScan,
    expand_markdown,
    expected_output_path,
    image_dir,
    markdown_pages,
    mkdocs_config,
    notebooks,
    rel,
    scan_fences,
    scan_page,
    snippet_files,
    snippet_targets,
    snippets_config,
    target_file,
)
from runner import (  # noqa: F401
    MACHINES,
    RUN_TIMEOUT,
    RunResult,
    example_env,
    execute_notebook,
    needs_fresh_process,
    run_code,
    runner_mode,
)
from serving import (  # noqa: F401
    CHROMIUM,
    CHROMIUM_ARGS,
    OFFLINE_DIR,
    install_network_guard,
    serve_directory,
)
