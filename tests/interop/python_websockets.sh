#!/usr/bin/env bash
# The WebSocket suite against a real python3-websockets echo server
# (tools/peers/python-websockets): the run completes and its non-pass verdicts are
# exactly those explained in docs/results/websocket.md (listed in
# tests/interop/python_websockets.expected).
set -euo pipefail
conform=$1 src=$2
dir=$(mktemp -d)
trap '"$src/tools/peers/python-websockets" stop "$dir"; rm -rf "$dir"' EXIT
"$src/tools/peers/python-websockets" start "$dir" >/dev/null

set +e
"$conform" run --target "$(cat "$dir/url")" --suite ws --out "$dir/report" --format json --quiet --seed 1
status=$?
set -e
[ $status -le 1 ] || { echo "conform exited $status"; exit 1; }
python3 "$src/tests/interop/compare.py" "$dir/report/report.json" "$src/tests/interop/python_websockets.expected"
