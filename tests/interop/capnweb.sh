#!/usr/bin/env bash
# The rpc suite against capnweb 0.12 itself (the Node peer of tools/peers/capnweb), over
# WebSocket and over HTTP batch: no FAIL and no ERROR, and every vector for the
# transport PASSes (the vectors are the protocol as capnweb speaks it; a difference
# would be a vector bug, or documented in docs/results/rpc.md).
set -euo pipefail
conform=$1 src=$2
dir=$(mktemp -d)
trap '"$src/tools/peers/capnweb" stop "$dir/peer"; rm -rf "$dir"' EXIT
"$src/tools/peers/capnweb" start "$dir/peer" >/dev/null
url=$(cat "$dir/peer/url")

for target in "ws${url#http}" "$url"; do
  name=$([ "${target%%:*}" = ws ] && echo ws || echo batch)
  set +e
  "$conform" run --target "$target" --suite rpc --out "$dir/$name" --format json --quiet --seed 1 --read-timeout 5s
  status=$?
  set -e
  [ $status -le 1 ] || { echo "conform exited $status against $target"; exit 1; }
done
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
