#!/usr/bin/env bash
# The rpc suite against the reference's /rpc in a server process of its own, over
# WebSocket (ws://…/rpc) and HTTP batch (http://…/rpc): no FAIL, no ERROR, no WARN, and
# every vector for the transport PASSes (93 over WebSocket, 88 over batch).
set -euo pipefail
conform=$1
dir=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT

"$conform" serve --listen 127.0.0.1:0 --port-file "$dir/ports" >"$dir/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$dir/ports" ] && break; sleep 0.05; done
port=$(sed -n 1p "$dir/ports")
[ -n "$port" ] || { echo "server did not report its port"; cat "$dir/serve.log"; exit 1; }

"$conform" run --target "ws://127.0.0.1:$port/rpc" --suite rpc --out "$dir/ws" --format json --quiet --read-timeout 5s
"$conform" run --target "http://127.0.0.1:$port/rpc" --suite rpc --out "$dir/batch" --format json --quiet --read-timeout 5s
python3 - "$dir/ws/report.json" 93 "$dir/batch/report.json" 88 <<'PY'
import json, sys
for path, passes in zip(sys.argv[1::2], sys.argv[2::2]):
    r = json.load(open(path))
    bad = [c["id"] + ": " + c["verdict"] + " " + c["message"] for c in r["cases"]
           if c["verdict"] not in ("pass", "skip")]
    assert not bad, "\n".join(bad)
    passed = sum(c["verdict"] == "pass" for c in r["cases"])
    assert passed == int(passes), (path, passed, passes)
    print(r["targets"][0]["url"], r["summary"])
PY
kill -TERM "$pid"
wait "$pid" || true
pid=""
