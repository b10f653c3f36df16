#!/usr/bin/env bash
# conform against a real third-party peer started by tools/peers/PEER (ephemeral
# loopback port, stopped by PID): the run completes and its non-pass verdicts are
# exactly those in tests/interop/PEER.expected, each explained in docs/results/http1.md.
# A new FAIL is either a harness defect or a peer change; both need a look.
#
#   tests/interop/peer.sh PEER CONFORM SRC            check (exit 77 = peer not installed)
#   tests/interop/peer.sh PEER CONFORM SRC --update   rewrite PEER.expected from a fresh run
set -euo pipefail
peer=$1 conform=$2 src=$3 mode=${4:-check}
declare -A needs=([apache2]=/usr/sbin/apache2 [lighttpd]=lighttpd [h2o]=h2o [node]=node [nginx]=nginx)
if ! command -v "${needs[$peer]}" >/dev/null; then
  echo "SKIP: $peer is not installed (tools/bootstrap peers installs it)"
  exit 77
fi
dir=$(mktemp -d)
trap '"$src/tools/peers/$peer" stop "$dir"; rm -rf "$dir"' EXIT
"$src/tools/peers/$peer" start "$dir" >/dev/null

set +e
# HTTP/1.1 only: these peers are started as HTTP/1.1 origin servers (their h2 and ws
# support, where they have it, is for the other suites' interop tests).
"$conform" run --target "$(cat "$dir/url")" --suite http1 --out "$dir/report" --quiet --seed 1
status=$?
set -e
[ $status -le 1 ] || { echo "conform exited $status"; exit 1; }
if [ "$mode" = --update ]; then
  python3 "$src/tests/interop/compare.py" "$dir/report/report.json" "$src/tests/interop/$peer.expected" --update \
    "Non-pass verdicts of $peer (Debian package; tools/peers/$peer), each explained in docs/results/http1.md."
else
  python3 "$src/tests/interop/compare.py" "$dir/report/report.json" "$src/tests/interop/$peer.expected"
fi
