#!/usr/bin/env bash
# Takes a screenshot of a page of the built site with headless Chromium.
# Usage: scripts/screenshot.sh [PAGE] [OUT.png] [WIDTHxHEIGHT]   (PAGE relative to site/, default the home page)
set -euo pipefail
page=${1:-}
out=${2:-docs/images/home.png}
size=${3:-1280,960}
port=$((20000 + RANDOM % 20000))
profile=$(mktemp -d)
python3 -m http.server "$port" --bind 127.0.0.1 --directory site >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$profile"' EXIT
sleep 1
mkdir -p "$(dirname "$out")"
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$profile" --window-size="${size/x/,}" \
  --screenshot="$out" "http://127.0.0.1:$port/$page" 2>/dev/null
echo "wrote $out"
