#!/usr/bin/env bash
# The WebSocket suite (without --heavy) against a real echo server started by
# tools/peers/PEER: the run completes and its non-pass verdicts are exactly those in
# tests/interop/EXPECTED (explained in docs/results/websocket.md).
#   tests/interop/ws_server.sh CONFORM SRC PEER EXPECTED
set -euo pipefail
conform=$1 src=$2 peer=$3 expected=$4
dir=$(mktemp -d)
trap '"$src/tools/peers/$peer" stop "$dir"; rm -rf "$dir"' EXIT
"$src/tools/peers/$peer" start "$dir" >/dev/null

set +e
"$conform" run --target "$(cat "$dir/url")" --suite ws --out "$dir/report" --format json --quiet --seed 1
status=$?
set -e
[ $status -le 1 ] || { echo "conform exited $status"; exit 1; }
python3 "$src/tests/interop/compare.py" "$dir/report/report.json" "$src/tests/interop/$expected"
