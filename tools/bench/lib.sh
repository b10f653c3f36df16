# Shared helpers for tools/bench/*. Sourced, not run.

# The conform binary to measure: $CONFORM, else the default preset's, else build/conform.
find_conform() {
  local root=$1
  for c in "${CONFORM:-}" "$root/build/default/conform" "$root/build/conform"; do
    [ -n "$c" ] && [ -x "$c" ] && { echo "$c"; return 0; }
  done
  echo "no conform binary: run tools/quickstart or cmake --build --preset default first" >&2
  return 1
}

# The median of the numbers on stdin.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
