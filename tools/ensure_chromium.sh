#!/usr/bin/env bash
# 确保有 Debian 的 chromium 可供浏览器测试使用（Playwright 通过 executable_path 驱动它）。
# 不使用 `playwright install`：它会从网络下载浏览器。
set -euo pipefail
if [ -x "${PTNOTES_CHROMIUM:-/usr/bin/chromium}" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "没有 /usr/bin/chromium，也没有 apt-get：请用系统的包管理器安装 chromium" >&2
  exit 1
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
