#!/usr/bin/env bash
# Exit statuses as DESIGN.md promises: 3 for an unreachable target (with a one-line
# reason), 2 for usage errors, 0 for list and help.
set -uo pipefail
conform=$1
fail=0
expect() {
  local want=$1; shift
  local out got
  out=$("$@" 2>&1); got=$?
  if [ "$got" != "$want" ]; then echo "FAIL: '$*' exited $got, expected $want"; echo "$out"; fail=1; fi
  LAST_OUTPUT=$out
}
expect 3 "$conform" run --target http://127.0.0.1:1
[ "$(printf '%s\n' "$LAST_OUTPUT" | wc -l)" -eq 1 ] || { echo "FAIL: unreachable reason is not one line: $LAST_OUTPUT"; fail=1; }
expect 2 "$conform" run --no-such-flag
expect 2 "$conform" run --target ftp://127.0.0.1/
expect 2 "$conform" run --target http://192.0.2.1/
expect 2 "$conform" run --suite nosuch
expect 2 "$conform" run --case 'nothing/*'
expect 2 "$conform" run --timeout soon
expect 2 "$conform" list --format xml
expect 2 "$conform"
expect 0 "$conform" list
expect 0 "$conform" run --help
expect 0 "$conform" --version
exit $fail
