#!/usr/bin/env bash
# conform's HTTP/2 and HPACK suites against nghttpd (tools/peers/nghttpd: h2c on an
# ephemeral loopback port, stopped by PID): its non-pass verdicts are exactly those
# explained in docs/results/http2.md (tests/interop/nghttpd.expected), which agree
# with h2spec's result for nghttpd 1.52.
set -euo pipefail
conform=$1 src=$2
dir=$(mktemp -d)
trap '"$src/tools/peers/nghttpd" stop "$dir"; rm -rf "$dir"' EXIT
"$src/tools/peers/nghttpd" start "$dir" >/dev/null

set +e
"$conform" run --target "$(cat "$dir/url")" --suite http2,hpack --out "$dir/report" --quiet --seed 1
status=$?
set -e
[ $status -le 1 ] || { echo "conform exited $status"; exit 1; }
python3 "$src/tests/interop/compare.py" "$dir/report/report.json" "$src/tests/interop/nghttpd.expected"
