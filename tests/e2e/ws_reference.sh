#!/usr/bin/env bash
# The WebSocket suite against the reference's /ws over ws:// and wss:// in a server
# process of its own: no FAIL, no ERROR, no WARN (INFO cases only measure), every case
# has a close report where it opened a WebSocket, and a small --ws-max-message is
# enforced with close 1009.
set -euo pipefail
conform=$1
dir=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT

"$conform" serve --listen 127.0.0.1:0 --tls-listen 127.0.0.1:0 --port-file "$dir/ports" >"$dir/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$dir/ports" ] && [ "$(wc -l <"$dir/ports")" -eq 2 ] && break; sleep 0.05; done
plain=$(sed -n 1p "$dir/ports")
tls=$(sed -n 2p "$dir/ports")
[ -n "$plain" ] && [ -n "$tls" ] || { echo "server did not report its ports"; cat "$dir/serve.log"; exit 1; }

"$conform" run --target "ws://127.0.0.1:$plain/ws" --suite ws --out "$dir/ws" --format json --quiet
"$conform" run --target "wss://127.0.0.1:$tls/ws" --suite ws --insecure --out "$dir/wss" --format json --quiet
python3 - "$dir/ws/report.json" "$dir/wss/report.json" <<'PY'
import json, sys
for path in sys.argv[1:]:
    r = json.load(open(path))
    bad = [c["id"] + ": " + c["verdict"] + " " + c["message"] for c in r["cases"]
           if c["verdict"] not in ("pass", "info")]
    assert not bad, "\n".join(bad)
    assert r["summary"]["total"] >= 340, r["summary"]
    streams = [c for c in r["cases"] if c["id"].startswith(("ws/deflate/compressed-", "ws/deflate/parameters-"))]
    assert len(streams) >= 72 and all(c["verdict"] == "pass" for c in streams), len(streams)
    closes = [c for c in r["cases"] if "close" in c]
    assert len(closes) >= 200, len(closes)
    assert all(c["close"]["verdict"] == "ok" for c in closes), [c["id"] for c in closes if c["close"]["verdict"] != "ok"]
    print(r["targets"][0]["url"], r["summary"])
PY
kill -TERM "$pid"
wait "$pid" || true

# --ws-max-message: a larger message fails the connection with 1009 (RFC 6455 §7.4.1),
# seen by an independent client (Debian's python3-websockets, hence /usr/bin/python3).
rm -f "$dir/ports"
"$conform" serve --listen 127.0.0.1:0 --ws-max-message 1000 --port-file "$dir/ports" >"$dir/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$dir/ports" ] && break; sleep 0.05; done
/usr/bin/python3 - "ws://127.0.0.1:$(sed -n 1p "$dir/ports")/ws" <<'PY'
import asyncio, sys, websockets
async def main():
    async with websockets.connect(sys.argv[1], compression=None) as ws:
        await ws.send("x" * 1000)
        assert await ws.recv() == "x" * 1000
        await ws.send("x" * 1001)
        try:
            await ws.recv()
        except websockets.ConnectionClosed as e:
            assert e.code == 1009, e.code
            print("1001-octet message closed with", e.code)
            return
        raise AssertionError("no close after a message over the limit")
asyncio.run(asyncio.wait_for(main(), 10))
PY
kill -TERM "$pid"
wait "$pid" || true
pid=""
