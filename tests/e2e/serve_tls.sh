#!/usr/bin/env bash
# `conform serve` over plain TCP and TLS (self-signed certificate made at start) in a
# process of its own; `conform run` against both passes; SIGTERM stops it.
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

"$conform" run --target "http://127.0.0.1:$plain/" --quiet
"$conform" run --target "https://127.0.0.1:$tls/" --insecure --quiet
# Without --insecure the self-signed certificate must be refused: exit 3.
set +e
"$conform" run --target "https://127.0.0.1:$tls/" --quiet 2>"$dir/err"
status=$?
set -e
[ $status -eq 3 ] || { echo "unverified TLS gave exit $status, expected 3"; cat "$dir/err"; exit 1; }

kill -TERM "$pid"
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
if kill -0 "$pid" 2>/dev/null; then echo "server ignored SIGTERM"; exit 1; fi
wait "$pid" || { echo "server exited non-zero after SIGTERM"; cat "$dir/serve.log"; exit 1; }
pid=""
