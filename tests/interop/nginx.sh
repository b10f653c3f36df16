#!/usr/bin/env bash
# conform against a real nginx (tools/peers/nginx: ephemeral loopback port, stopped by
# PID): the run completes and its non-pass verdicts are exactly those explained in
# docs/results/nginx.md (listed in tests/interop/nginx.expected). A new FAIL is either
# a harness defect or an nginx change; both need a look.
set -euo pipefail
conform=$1 src=$2
dir=$(mktemp -d)
trap '"$src/tools/peers/nginx" stop "$dir"; rm -rf "$dir"' EXIT
"$src/tools/peers/nginx" start "$dir" >/dev/null

set +e
"$conform" run --target "$(cat "$dir/url")" --suite http1 --out "$dir/report" --quiet --seed 1
status=$?
set -e
[ $status -le 1 ] || { echo "conform exited $status"; exit 1; }
python3 "$src/tests/interop/compare.py" "$dir/report/report.json" "$src/tests/interop/nginx.expected"
