#!/usr/bin/env python3
"""ci/: the GitHub and GitLab files parse as YAML and hold what their platforms need,
and ci/conform-ci runs as those files run it, against a reference server started for
the test (conform serve on an ephemeral loopback port, stopped by PID).

usage: ci_files_test.py CONFORM SOURCE_DIR WORK_DIR
"""
import os
import shutil
import subprocess
import sys
import time
import unittest

import yaml

CONFORM, SOURCE, WORK = sys.argv[1:4]
CI = os.path.join(SOURCE, "ci")


def load(path):
    with open(os.path.join(CI, path), encoding="utf-8") as f:
        return yaml.safe_load(f)


class Files(unittest.TestCase):
    def test_github_action_is_composite_with_shells(self):
        action = load("github/action.yml")
        self.assertEqual(action["runs"]["using"], "composite")
        self.assertTrue(action["inputs"]["target"]["required"])
        for name in ["baseline", "fail-on", "args", "out"]:
            self.assertIn(name, action["inputs"])
        steps = action["runs"]["steps"]
        for step in steps:
            self.assertTrue("uses" in step or step.get("shell") == "bash", step)
        uses = [s["uses"] for s in steps if "uses" in s]
        self.assertTrue(any(u.startswith("actions/upload-artifact@") for u in uses), uses)
        upload = next(s for s in steps if "uses" in s)
        self.assertEqual(upload["if"], "always()")
        self.assertIn("conform-ci", "".join(s.get("run", "") for s in steps))
        self.assertIn("build-conform", "".join(s.get("run", "") for s in steps))

    def test_github_example_workflow_uses_the_action(self):
        flow = load("github/example-workflow.yml")
        self.assertTrue("on" in flow or True in flow)  # YAML 1.1 reads the key `on` as true
        job = flow["jobs"]["conform"]
        self.assertEqual(job["container"], "debian:bookworm")
        step = next(s for s in job["steps"] if s.get("uses") == "./.conform/ci/github")
        self.assertEqual(step["with"]["target"], "http://127.0.0.1:8080")
        self.assertIn("baseline", step["with"])

    def test_gitlab_template_keeps_junit_and_report(self):
        template = load("gitlab/conform.gitlab-ci.yml")[".conform"]
        self.assertEqual(template["image"], "debian:bookworm")
        self.assertEqual(template["artifacts"]["reports"]["junit"], "$CONFORM_OUT/junit.xml")
        self.assertEqual(template["artifacts"]["when"], "always")
        self.assertIn("conform-ci", " ".join(template["script"]))
        for name in ["CONFORM_REPOSITORY_URL", "CONFORM_TARGET", "CONFORM_BASELINE", "CONFORM_SERVER_START"]:
            self.assertIn(name, template["variables"])

    def test_gitlab_example_extends_the_template(self):
        example = load("gitlab/example.gitlab-ci.yml")
        self.assertEqual(example["conformance"]["extends"], ".conform")
        self.assertEqual(example["include"][0]["local"], "ci/conform.gitlab-ci.yml")


class ConformCi(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = os.path.join(WORK, "ci_files")
        shutil.rmtree(cls.dir, ignore_errors=True)
        os.makedirs(cls.dir)
        ports = os.path.join(cls.dir, "ports")
        cls.server = subprocess.Popen([CONFORM, "serve", "--listen", "127.0.0.1:0", "--port-file", ports],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 20
        while not (os.path.exists(ports) and open(ports).read().strip()):
            if time.time() > deadline:
                raise RuntimeError("conform serve did not start")
            time.sleep(0.1)
        cls.url = "http://127.0.0.1:" + open(ports).read().split()[0]

    @classmethod
    def tearDownClass(cls):
        cls.server.terminate()
        cls.server.wait(timeout=20)

    def run_ci(self, *args, env=None):
        return subprocess.run([os.path.join(CI, "conform-ci"), "--conform", CONFORM, *args],
                              capture_output=True, text=True, timeout=120, env=env)

    def test_passes_and_writes_the_step_summary(self):
        summary = os.path.join(self.dir, "step-summary.md")
        out = os.path.join(self.dir, "out")
        env = dict(os.environ, GITHUB_STEP_SUMMARY=summary)
        done = self.run_ci("--target", self.url, "--out", out, "--", "--case", "http1/host", env=env)
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertIn("conform-ci: passed", done.stdout)
        with open(summary, encoding="utf-8") as f:
            self.assertIn("### conform: ✅", f.read())
        for name in ["report.html", "junit.xml", "report.json", "badge.svg"]:
            self.assertTrue(os.path.exists(os.path.join(out, name)), name)

    def test_missing_baseline_is_a_usage_error(self):
        done = self.run_ci("--target", self.url, "--baseline", os.path.join(self.dir, "none.json"))
        self.assertEqual(done.returncode, 2, done.stderr)

    def test_nothing_listening_is_unreachable(self):
        done = self.run_ci("--target", "http://127.0.0.1:1", "--wait", "1")
        self.assertEqual(done.returncode, 3, done.stderr)
        self.assertIn("nothing listens on 127.0.0.1:1", done.stderr)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
