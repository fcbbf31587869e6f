# 常用命令的薄封装。每个目标在 .venv 不存在或 pyproject.toml 变了时自动安装依赖。
#   make serve    预览站点：http://127.0.0.1:8000/（SERVE_ADDR 可改）
#   make test     运行全部测试（CI 跑的就是这个）；示例由预热的 fork 运行器运行
#   make test-fresh  同样的测试，但每个示例都以新进程 `python 文件` 运行（与读者一样）
#   make build    只构建站点到 site/
#   make outputs  刷新所有示例的期望输出与配图（只改不一致的）
#   make offline  构建离线版（从文件系统打开、搜索可用），打包成 pytorch-notes-zh-offline.zip
#   make bench    打印性能数字（测试总时间、构建时间、页面传输量等）

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
# make serve 的地址；站点就在这个地址的根路径下
SERVE_ADDR ?= 127.0.0.1:8000
# pytest 的并行进程数；2 核机器上 2 个最合适
WORKERS ?= 2
# 分组调度：组与顺序见 tests/scheduling.py（tools/benchmark.py 用同样的参数）
XDIST = -n $(WORKERS) --dist loadscope --no-loadscope-reorder

.PHONY: serve test test-fresh build offline outputs bench lint clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet --group dev
	touch $(STAMP)

serve: $(STAMP)
	@echo "预览地址：http://$(SERVE_ADDR)/（docs/、snippets/、hooks/、includes/、overrides/ 有变化时自动重新构建）"
	$(VENV)/bin/mkdocs serve --dev-addr $(SERVE_ADDR)

build: $(STAMP)
	$(VENV)/bin/mkdocs build --strict

test: $(STAMP)
	bash tools/ensure_chromium.sh
	$(PY) -m pytest $(XDIST)

test-fresh: $(STAMP)
	bash tools/ensure_chromium.sh
	PTNOTES_RUNNER=fresh $(PY) -m pytest $(XDIST)

offline: $(STAMP)
	$(PY) tools/build_offline.py

outputs: $(STAMP)
	$(PY) tools/refresh_outputs.py
	for nb in docs/notebooks/*.ipynb; do $(VENV)/bin/jupyter nbconvert --to notebook --execute --inplace "$$nb"; done

bench: $(STAMP)
	bash tools/ensure_chromium.sh
	$(PY) tools/benchmark.py

lint: $(STAMP)
	$(VENV)/bin/ruff check snippets tests tools hooks
	$(VENV)/bin/ruff format --check snippets

clean:
	rm -rf site site-offline pytorch-notes-zh-offline.zip test-artifacts
