#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the build needs, where missing:
#   graphviz (dot), a CJK font for measuring Chinese labels, chromium (printing the lists to PDF);
#   with --browser, poppler-utils (the tests read the PDFs back with pdftotext and pdftoppm);
#   with --nginx, nginx (the tests serve a published site through it, as an intranet server would).
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

want=()
command -v dot >/dev/null 2>&1 || want+=(graphviz)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  want+=(fontconfig fonts-noto-cjk)
fi
command -v chromium >/dev/null 2>&1 || want+=(chromium)
for flag in "$@"; do
  case "$flag" in
    --browser) command -v pdftotext >/dev/null 2>&1 || want+=(poppler-utils) ;;
    # Debian puts nginx in /usr/sbin, outside a normal user's PATH.
    --nginx) [ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || want+=(nginx) ;;
    *) echo "unknown option: $flag (use --browser, --nginx)" >&2; exit 2 ;;
  esac
done
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
# Debian starts nginx on port 80 as it installs it; the tests run their own on a free port, so a machine without
# a policy (a container has one) gets one that stops services from starting for the time of the install.
policy=/usr/sbin/policy-rc.d
if [[ " ${want[*]} " == *" nginx "* ]] && [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
$cmd -qq >/dev/null
