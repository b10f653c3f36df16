#!/usr/bin/env bash
# `conform run --out DIR` with no target: the embedded reference server passes every
# case (INFO cases only measure), and the four report files are written.
set -euo pipefail
conform=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

"$conform" run --out "$dir/R" --quiet >"$dir/out.txt" || { cat "$dir/out.txt"; echo "conform run exited $?"; exit 1; }
for f in report.json report.html junit.xml summary.md; do
  [ -s "$dir/R/$f" ] || { echo "missing $f"; exit 1; }
done
python3 - "$dir/R/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
bad = [c["id"] + ": " + c["verdict"] + " " + c["message"] for c in r["cases"] if c["verdict"] not in ("pass", "skip", "info")]
skips_without_reason = [c["id"] for c in r["cases"] if c["verdict"] == "skip" and not c["message"]]
assert not bad, "\n".join(bad)
assert not skips_without_reason, skips_without_reason
assert s["total"] >= 250 and s["pass"] + s["info"] == s["total"] - s["skip"], s
assert r["schema"] == "conform-report/1" and r["targets"][0]["embedded"]
print("embedded reference:", s)
PY
