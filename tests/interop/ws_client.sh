#!/usr/bin/env bash
# The ws cases against a real WebSocket CLIENT: tools/peers/DRIVER drives a client
# library through `conform serve --client-tests` exactly as Autobahn's fuzzingserver is
# driven. Every case must run, and the non-pass verdicts are exactly those explained in
# docs/results/websocket.md (tests/interop/EXPECTED).
#   tests/interop/ws_client.sh CONFORM SRC DRIVER AGENT EXPECTED
set -euo pipefail
conform=$1 src=$2 driver=$3 agent=$4 expected=$5
dir=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT
"$conform" serve --client-tests --listen 127.0.0.1:0 --port-file "$dir/port" --out "$dir/reports" > "$dir/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do [ -s "$dir/port" ] && break; sleep 0.1; done
[ -s "$dir/port" ] || { cat "$dir/server.log"; echo "FAIL: the fuzzing server did not start"; exit 1; }
timeout 120 "$src/tools/peers/$driver" "ws://127.0.0.1:$(cat "$dir/port")" "$agent"
report=$dir/reports/$agent/report.json
[ -f "$report" ] || { cat "$dir/server.log"; echo "FAIL: /updateReports wrote no report"; exit 1; }
[ -f "$dir/reports/index.html" ] || { echo "FAIL: no agent matrix"; exit 1; }
cases=$("$conform" list --suite ws --format json | python3 -c '
import json, sys
def group(c):
    return next((s[9:].split(".")[0] for s in c.get("see_also", []) if s.startswith("autobahn:")), None)
print(sum(1 for c in json.load(sys.stdin) if group(c) not in (None, "12", "13") and not c.get("heavy")))')
python3 - "$report" "$cases" <<'PY'
import json, sys
report, expected = json.load(open(sys.argv[1])), int(sys.argv[2])
assert report["summary"]["total"] == expected, f"{report['summary']['total']} cases ran, not {expected}"
PY
python3 "$src/tests/interop/compare.py" "$report" "$src/tests/interop/$expected"
