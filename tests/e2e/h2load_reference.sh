#!/usr/bin/env bash
# h2load (nghttp2's load generator, an independent HTTP/2 client) against `conform serve`:
# 100,000 requests over 10 connections × 10 concurrent streams, over h2c by prior
# knowledge and over TLS with ALPN h2; every request must succeed with a 2xx.
set -euo pipefail
conform=$1
command -v h2load >/dev/null || { echo "SKIP: h2load (nghttp2-client) is not installed"; exit 77; }
dir=$(mktemp -d)
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
"$conform" serve --listen 127.0.0.1:0 --tls-listen 127.0.0.1:0 --port-file "$dir/ports" >"$dir/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do [ -s "$dir/ports" ] && [ "$(wc -l <"$dir/ports")" -eq 2 ] && break; sleep 0.05; done
[ "$(wc -l <"$dir/ports" 2>/dev/null || echo 0)" -eq 2 ] || { echo "server did not report its ports"; cat "$dir/serve.log"; exit 1; }

load() {  # label url
  local out
  out=$(timeout 120 h2load -n 100000 -c 10 -m 10 "$2" 2>&1) || { echo "$1: h2load failed"; echo "$out"; exit 1; }
  echo "$1: $(grep -E '^finished in' <<<"$out")"
  grep -E '^requests:' <<<"$out"
  grep -qE '^requests: 100000 total, 100000 started, 100000 done, 100000 succeeded, 0 failed, 0 errored, 0 timeout' <<<"$out" ||
    { echo "$1: not every request succeeded"; exit 1; }
  grep -qE '^status codes: 100000 2xx' <<<"$out" || { echo "$1: $(grep '^status codes' <<<"$out")"; exit 1; }
  if [ "$1" = tls ]; then
    grep -q 'Application protocol: h2' <<<"$out" || { echo "tls: ALPN did not select h2"; exit 1; }
  fi
}
load h2c "http://127.0.0.1:$(sed -n 1p "$dir/ports")/status/200"
load tls "https://127.0.0.1:$(sed -n 2p "$dir/ports")/status/200"
