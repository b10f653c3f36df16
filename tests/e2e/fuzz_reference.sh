#!/usr/bin/env bash
# `conform fuzz` smoke: bounded http1, ws, h2 and rpc campaigns against the embedded reference server
# finds nothing; a finding file replays; bad flags and bad finding files are usage errors.
# The full 10-minute campaigns are in docs/fuzzing.md.
set -euo pipefail
conform=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$conform" fuzz --suite http1 --iterations 20000 --seed 1 --out "$dir/run" > "$dir/out.txt" || {
  cat "$dir/out.txt"; echo "FAIL: the reference server should give no finding"; exit 1; }
grep -q '^20000 inputs in ' "$dir/out.txt" || { cat "$dir/out.txt"; echo "FAIL: no summary line"; exit 1; }
python3 -c "import json,sys; j=json.load(open(sys.argv[1])); assert j['iterations']==20000 and j['findings']==[], j" "$dir/run/fuzz.json"

# The same for WebSocket, against the embedded server's /ws.
"$conform" fuzz --suite ws --iterations 3000 --seed 1 --out "$dir/ws" > "$dir/ws.txt" || {
  cat "$dir/ws.txt"; echo "FAIL: the reference /ws should give no finding"; exit 1; }
grep -q '^fuzzing ws on ws://127.0.0.1:[0-9]*/ws' "$dir/ws.txt"

# And HTTP/2 (h2c by prior knowledge on the same port).
"$conform" fuzz --suite h2 --iterations 3000 --seed 1 --out "$dir/h2" > "$dir/h2.txt" || {
  cat "$dir/h2.txt"; echo "FAIL: the reference HTTP/2 should give no finding"; exit 1; }

# And Cap'n Web over the embedded server's /rpc WebSocket.
"$conform" fuzz --suite rpc --iterations 2000 --seed 1 --out "$dir/rpc" > "$dir/rpc.txt" || {
  cat "$dir/rpc.txt"; echo "FAIL: the reference /rpc should give no finding"; exit 1; }

# A target that does not speak the protocol is refused before the campaign, exit 3.
set +e; "$conform" fuzz --suite ws --target ws://127.0.0.1:1/ --iterations 1 > "$dir/down.txt" 2>&1; status=$?; set -e
[ $status -eq 3 ] || { cat "$dir/down.txt"; echo "FAIL: an unreachable target should exit 3, not $status"; exit 1; }

# A finding file (written by hand here: a plain GET) replays against the reference and no longer shows.
cat > "$dir/finding.json" <<'JSON'
{"format":"conform-fuzz-finding/1","suite":"http1","kind":"hang","detail":"hand-written",
 "input_hex":"474554202f20485454502f312e310d0a486f73743a20610d0a0d0a","targets":[]}
JSON
"$conform" replay "$dir/finding.json" > "$dir/replay.txt" || { cat "$dir/replay.txt"; echo "FAIL: replay"; exit 1; }
grep -q 'does not show any more' "$dir/replay.txt"
grep -q '> GET / HTTP/1.1\\r\\nHost: a' "$dir/replay.txt"

expect_usage() {
  set +e; "$conform" "$@" > "$dir/err.txt" 2>&1; local status=$?; set -e
  [ $status -eq 2 ] || { cat "$dir/err.txt"; echo "FAIL: '$*' exited $status, not 2"; exit 1; }
}
expect_usage fuzz --suite nosuch --iterations 1
expect_usage fuzz --suite http1 --time soon
expect_usage fuzz --suite http1 --target http://192.0.2.1:80 --iterations 1
echo '{"format":"other"}' > "$dir/bad.json"
expect_usage replay "$dir/bad.json"
grep -q 'format is not conform-fuzz-finding/1' "$dir/err.txt"
expect_usage replay "$dir/missing.json"
echo "PASS"
