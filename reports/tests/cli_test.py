#!/usr/bin/env python3
"""`conform report` and `conform baseline` as a CI job uses them, on the hand-made
report reports/tests/fixtures/protocols.json (every verdict, WebSocket close verdicts,
HTTP/2 and Cap'n Web transcripts):

- a baseline listing every current failure exits 0; without one entry it exits 1 and
  names that case; a fixed case makes the run say its entry can go; an expired entry
  gates again and says so; --fail-on should makes WARN gate;
- junit.xml validates against reports/tests/junit.xsd (xmllint), with the gate applied;
- the badges are well-formed SVG; the matrix of two runs marks a disagreement.

usage: cli_test.py CONFORM SOURCE_DIR WORK_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import unittest

CONFORM, SOURCE, WORK = sys.argv[1:4]
FIXTURE = os.path.join(SOURCE, "reports/tests/fixtures/protocols.json")
XSD = os.path.join(SOURCE, "reports/tests/junit.xsd")


def conform(*args):
    done = subprocess.run([CONFORM, *args], capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout + done.stderr


def write(path, document):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
    return path


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


class Cli(unittest.TestCase):
    def setUp(self):
        self.dir = os.path.join(WORK, self.id().rsplit(".", 1)[-1])
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)

    def baseline(self):
        status, text = conform("baseline", "write", FIXTURE)
        self.assertEqual(status, 0, text)
        return json.loads(text)

    def test_baseline_write_lists_every_failure(self):
        entries = self.baseline()
        self.assertEqual(sorted(entries), ["http1/host/duplicate", "http1/host/missing", "http2/settings/ack",
                                           "rpc/ws/abort", "ws/close/reserved-opcode"])
        self.assertEqual(entries["http1/host/missing"]["reason"], "fail: expected 400, got 200 OK")

    def test_without_baseline_failures_gate(self):
        status, text = conform("report", FIXTURE)
        self.assertEqual(status, 1, text)
        self.assertIn("new failure: http1/host/missing (fail): expected 400, got 200 OK", text)
        self.assertNotIn("http1/host/duplicate", text)  # WARN does not gate by default

    def test_full_baseline_exits_0(self):
        known = write(os.path.join(self.dir, "known.json"), self.baseline())
        status, text = conform("report", FIXTURE, "--baseline", known, "--fail-on", "should")
        self.assertEqual(status, 0, text)
        self.assertIn("5 known failure(s)", text)

    def test_removed_entry_exits_1_naming_the_case(self):
        entries = self.baseline()
        del entries["http2/settings/ack"]
        known = write(os.path.join(self.dir, "known.json"), entries)
        status, text = conform("report", FIXTURE, "--baseline", known)
        self.assertEqual(status, 1, text)
        self.assertIn("new failure: http2/settings/ack (fail)", text)
        self.assertEqual(text.count("new failure:"), 1, text)

    def test_fixed_case_says_entry_can_go(self):
        report = load(FIXTURE)
        for c in report["cases"]:
            if c["id"] == "http1/host/missing":
                c["verdict"], c["message"] = "pass", ""
        report["summary"]["fail"] -= 1
        report["summary"]["pass"] += 1
        fixed = write(os.path.join(self.dir, "report.json"), report)
        known = write(os.path.join(self.dir, "known.json"), self.baseline())
        status, text = conform("report", fixed, "--baseline", known)
        self.assertEqual(status, 0, text)
        self.assertIn("baseline: http1/host/missing passes now; its entry in " + known + " can go", text)

    def test_expired_entry_gates_again(self):
        entries = self.baseline()
        entries["http1/host/missing"] = {"reason": "upstream bug 12", "expires": "2020-01-31"}
        known = write(os.path.join(self.dir, "known.json"), entries)
        status, text = conform("report", FIXTURE, "--baseline", known)
        self.assertEqual(status, 1, text)
        self.assertIn("baseline entry expired on 2020-01-31: http1/host/missing (fail) gates again", text)
        self.assertIn("upstream bug 12", text)

    def test_fail_on_should_gates_warn(self):
        entries = self.baseline()
        del entries["http1/host/duplicate"]
        known = write(os.path.join(self.dir, "known.json"), entries)
        self.assertEqual(conform("report", FIXTURE, "--baseline", known)[0], 0)
        status, text = conform("report", FIXTURE, "--baseline", known, "--fail-on", "should")
        self.assertEqual(status, 1, text)
        self.assertIn("new failure: http1/host/duplicate (warn)", text)

    def test_bad_baseline_and_bad_fail_on_are_usage_errors(self):
        bad = write(os.path.join(self.dir, "bad.json"), {"x": {"reason": "r", "expires": "soon"}})
        status, text = conform("report", FIXTURE, "--baseline", bad)
        self.assertEqual(status, 2, text)
        self.assertIn('"x".expires: expected a date, YYYY-MM-DD', text)
        self.assertEqual(conform("report", FIXTURE, "--fail-on", "may")[0], 2)

    def test_rendered_files_validate(self):
        known = write(os.path.join(self.dir, "known.json"), self.baseline())
        out = os.path.join(self.dir, "out")
        status, text = conform("report", FIXTURE, "--baseline", known, "--out", out, "--format", "all")
        self.assertEqual(status, 0, text)
        junit = os.path.join(out, "junit.xml")
        check = subprocess.run(["xmllint", "--noout", "--schema", XSD, junit], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stderr)
        with open(junit, encoding="utf-8") as f:
            xml = f.read()
        # Known failures show as skipped with the baseline's reason; the close verdict is in the text.
        self.assertIn('<skipped message="known failure (baseline: fail: expected 400, got 200 OK); fail: expected 400', xml)
        self.assertIn("close: wrong_code, expected 1002, got 1000 \"bye\" (closed by target, clean)", xml)
        rendered = load(os.path.join(out, "report.json"))
        self.assertEqual(rendered["gate"]["passed"], True)
        self.assertEqual(rendered["cases"][0]["baseline"]["expired"], False)
        for badge in ["badge.svg", "badge-http1.svg", "badge-ws.svg", "badge-http2.svg", "badge-rpc.svg"]:
            check = subprocess.run(["xmllint", "--noout", os.path.join(out, badge)], capture_output=True, text=True)
            self.assertEqual(check.returncode, 0, badge + ": " + check.stderr)
        with open(os.path.join(out, "badge-http1.svg"), encoding="utf-8") as f:
            self.assertIn("conform-http1: 1/3", f.read())

    def test_junit_without_gate_validates_and_warn_passes(self):
        out = os.path.join(self.dir, "out")
        self.assertEqual(conform("report", FIXTURE, "--out", out, "--format", "junit")[0], 1)
        junit = os.path.join(out, "junit.xml")
        check = subprocess.run(["xmllint", "--noout", "--schema", XSD, junit], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stderr)
        with open(junit, encoding="utf-8") as f:
            xml = f.read()
        self.assertIn('<failure message="expected 400, got 200 OK" type="FAIL">', xml)
        self.assertNotIn('type="WARN"', xml)  # --fail-on must: a WARN is not a failure
        self.assertIn('<error message="connection refused after the upgrade" type="ERROR">', xml)

    def test_matrix_marks_disagreement(self):
        other = load(FIXTURE)
        other["targets"][0]["url"] = "http://127.0.0.1:9090/"
        other["cases"][0]["verdict"] = "pass"
        other["summary"]["fail"] -= 1
        other["summary"]["pass"] += 1
        os.makedirs(os.path.join(self.dir, "b"))
        second = write(os.path.join(self.dir, "b", "report.json"), other)
        out = os.path.join(self.dir, "matrix")
        status, text = conform("report", FIXTURE, second, "--out", out)
        self.assertEqual(status, 1, text)
        for name in ["matrix.html", "run-1/report.html", "run-2/report.html", "run-2/junit.xml"]:
            self.assertTrue(os.path.exists(os.path.join(out, name)), name)
        with open(os.path.join(out, "matrix.html"), encoding="utf-8") as f:
            page = f.read()
        data = json.loads(page.split('id="report-data">', 1)[1].split("</script>", 1)[0])
        self.assertEqual([c["url"] for c in data["columns"]], ["http://127.0.0.1:8080/", "http://127.0.0.1:9090/"])
        rows = {c["id"]: c for c in data["cases"]}
        self.assertTrue(rows["http1/host/missing"]["disagree"])
        self.assertFalse(rows["http1/host/duplicate"]["disagree"])
        self.assertEqual(rows["ws/close/reserved-opcode"]["results"][0]["close"], "wrong_code")

    def test_report_with_a_bad_close_verdict_is_refused(self):
        report = load(FIXTURE)
        report["cases"][3]["close"]["verdict"] = "maybe"
        bad = write(os.path.join(self.dir, "report.json"), report)
        status, text = conform("report", bad)
        self.assertEqual(status, 2, text)
        self.assertIn("cases[3].close.verdict: expected one of ok, wrong_code, unclean, failed", text)


class RunWithBaseline(unittest.TestCase):
    """`conform run --baseline` against a real nginx (tools/peers/nginx), whose known
    departures (docs/results/nginx.md) make a baseline: skipped without nginx."""

    @classmethod
    def setUpClass(cls):
        if not shutil.which("nginx") or not os.path.exists("/usr/lib/nginx/modules/ngx_http_echo_module.so"):
            raise unittest.SkipTest("nginx is not installed (tools/bootstrap peers)")
        cls.dir = os.path.join(WORK, "run_with_baseline")
        shutil.rmtree(cls.dir, ignore_errors=True)
        os.makedirs(cls.dir)
        cls.peer = os.path.join(SOURCE, "tools/peers/nginx")
        subprocess.run([cls.peer, "start", cls.dir], check=True, stdout=subprocess.DEVNULL)
        cls.url = open(os.path.join(cls.dir, "url")).read().strip()

    @classmethod
    def tearDownClass(cls):
        subprocess.run([cls.peer, "stop", cls.dir])

    def test_baseline_of_every_failure_exits_0_and_one_removed_exits_1(self):
        out = os.path.join(self.dir, "first")
        status, text = conform("run", "--target", self.url, "--out", out, "--quiet", "--seed", "1")
        self.assertEqual(status, 1, text)  # nginx departs from a few MUSTs
        status, written = conform("baseline", "write", os.path.join(out, "report.json"))
        entries = json.loads(written)
        failing = [c["id"] for c in load(os.path.join(out, "report.json"))["cases"] if c["verdict"] in ("fail", "error")]
        self.assertTrue(failing)
        known = write(os.path.join(self.dir, "known.json"), entries)
        status, text = conform("run", "--target", self.url, "--baseline", known, "--quiet", "--seed", "1")
        self.assertEqual(status, 0, text)
        del entries[failing[0]]
        fewer = write(os.path.join(self.dir, "fewer.json"), entries)
        status, text = conform("run", "--target", self.url, "--baseline", fewer, "--quiet", "--seed", "1",
                               "--junit", os.path.join(self.dir, "junit.xml"))
        self.assertEqual(status, 1, text)
        self.assertIn("new failure: " + failing[0], text)
        check = subprocess.run(["xmllint", "--noout", "--schema", XSD, os.path.join(self.dir, "junit.xml")],
                               capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
