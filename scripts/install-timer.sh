#!/bin/sh
# Installs the daily republishing: deploy/dutydir-publish.{service,timer} with this checkout's paths.
# Usage: scripts/install-timer.sh DEST [DATA]   (as root; DATA defaults to data/leaders.yaml)
#        scripts/install-timer.sh --print DEST [DATA]   writes the units and the cron line to stdout only.
# SYSTEMD_DIR (default /etc/systemd/system) and RUN_AS (default the user who called sudo) can be set.
set -eu
print=no
if [ "${1:-}" = "--print" ]; then print=yes; shift; fi
if [ $# -lt 1 ]; then echo "用法：scripts/install-timer.sh [--print] 网站目录 [数据文件]" >&2; exit 2; fi
workdir=$(cd "$(dirname "$0")/.." && pwd)
dest=$(realpath -m "$1")
data=$(realpath -m "${2:-data/leaders.yaml}")
user=${RUN_AS:-${SUDO_USER:-$(id -un)}}
render() {
	sed -e "s|@WORKDIR@|$workdir|g" -e "s|@DEST@|$dest|g" -e "s|@DATA@|$data|g" -e "s|@USER@|$user|g" "$1"
}
if [ "$print" = yes ]; then
	echo "# dutydir-publish.service"; render "$workdir/deploy/dutydir-publish.service.in"
	echo "# dutydir-publish.timer"; render "$workdir/deploy/dutydir-publish.timer"
	echo "# crontab"; render "$workdir/deploy/crontab.in" | grep -v '^#'
	exit 0
fi
dir=${SYSTEMD_DIR:-/etc/systemd/system}
render "$workdir/deploy/dutydir-publish.service.in" >"$dir/dutydir-publish.service"
render "$workdir/deploy/dutydir-publish.timer" >"$dir/dutydir-publish.timer"
systemctl daemon-reload
systemctl enable --now dutydir-publish.timer
echo "已安装：每天 00:05 检查并在需要时重新发布 $dest（systemctl list-timers dutydir-publish.timer 查看）"
