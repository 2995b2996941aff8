#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the build needs, where missing:
#   graphviz (dot), a CJK font for measuring Chinese labels, chromium (printing the lists to PDF),
#   and with --browser, poppler-utils (the tests read the PDFs back with pdftotext and pdftoppm).
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

want=()
command -v dot >/dev/null 2>&1 || want+=(graphviz)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  want+=(fontconfig fonts-noto-cjk)
fi
command -v chromium >/dev/null 2>&1 || want+=(chromium)
if [ "${1:-}" = "--browser" ] && ! command -v pdftotext >/dev/null 2>&1; then
  want+=(poppler-utils)
fi
[ ${#want[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${want[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "missing system packages: ${want[*]}" >&2
  echo "run: sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
echo "installing system packages: ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
$cmd -qq >/dev/null
