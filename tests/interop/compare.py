"""Compares a run's non-pass verdicts with an expected list ("verdict case-id" lines,
'#' comments). "fail|pass case-id" accepts either: for a peer whose own behaviour varies
from run to run, each such line explained where the peer's results are. Prints what differs; exits 1 if anything does.
With --update HEADER, rewrites the expected list from the run instead."""
import json
import sys

report = json.load(open(sys.argv[1]))
if len(sys.argv) > 3 and sys.argv[3] == "--update":
    with open(sys.argv[2], "w") as f:
        f.write("# " + sys.argv[4] + "\n")
        for c in report["cases"]:
            if c["verdict"] != "pass":
                f.write(f"{c['verdict']} {c['id']}\n")
    print(f"{report['summary']}\nwrote {sys.argv[2]}")
    sys.exit(0)
expected = {}
for line in open(sys.argv[2]):
    line = line.split("#", 1)[0].strip()
    if line:
        verdicts, case_id = line.split()
        expected[case_id] = verdicts.split("|")

got = {c["id"]: c for c in report["cases"] if c["verdict"] != "pass"}
problems = []
for case_id, c in sorted(got.items()):
    if c["verdict"] not in expected.get(case_id, []):
        problems.append(f"unexpected {c['verdict'].upper()} {case_id}: {c['message']}")
for case_id, verdicts in sorted(expected.items()):
    if case_id not in got and "pass" not in verdicts:
        problems.append(f"expected {'|'.join(verdicts).upper()} {case_id}, but it passed")
print(f"{report['summary']}")
if problems:
    print("\n".join(problems))
    sys.exit(1)
