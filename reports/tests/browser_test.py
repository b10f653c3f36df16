#!/usr/bin/env python3
"""report.html in headless Chromium, as a person uses it (DevTools protocol, cdp.py):

1. a real run: conform against nginx (tools/peers/nginx) when nginx is installed, else
   against its embedded reference server. The page opens with no console error;
   filtering by verdict shows exactly those cases; expanding the first one shows its
   transcript with sent and received bytes; its raw hex is one click away; the filter
   state is in the URL fragment. Screenshot: browser-run.png.
2. the hand-made report reports/tests/fixtures/protocols.json: WebSocket frames, the
   close verdict, HTTP/2 frames and Cap'n Web JSON decode in the page; suite filter and
   sorting work. Screenshots: browser-protocols.png, browser-protocols-dark.png.
3. the matrix of that report and a copy that passes one more case: one column per
   target, "only disagreements" leaves that case, cells link into each run's page.
   Screenshot: browser-matrix.png.

Exits 77 (CTest: skipped) only when Chromium is not installed.
usage: browser_test.py CONFORM SOURCE_DIR OUT_DIR
"""
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402

CONFORM, SOURCE, OUT = sys.argv[1:4]
failures = []


def check(condition, what):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        failures.append(what)


def real_run(out):
    """report.json of a real run: nginx when it is installed, else the embedded reference."""
    peers = os.path.join(SOURCE, "tools/peers/nginx")
    state = os.path.join(out, "nginx")
    if shutil.which("nginx") and os.path.exists("/usr/lib/nginx/modules/ngx_http_echo_module.so"):
        subprocess.run([peers, "start", state], check=True, stdout=subprocess.DEVNULL)
        try:
            url = open(os.path.join(state, "url")).read().strip()
            subprocess.run([CONFORM, "run", "--target", url, "--out", os.path.join(out, "run"), "--quiet", "--seed", "1"],
                           stdout=subprocess.DEVNULL, timeout=300)
        finally:
            subprocess.run([peers, "stop", state])
        return "nginx"
    print("note: nginx is not installed (tools/bootstrap peers); testing a run against the embedded reference")
    subprocess.run([CONFORM, "run", "--out", os.path.join(out, "run"), "--quiet", "--seed", "1"],
                   stdout=subprocess.DEVNULL, timeout=300)
    return "the embedded reference"


def visible_rows(browser):
    return browser.evaluate("""[...document.querySelectorAll('#cases tr.case')].filter(r => !r.hidden)
        .map(r => ({id: r.dataset.id, verdict: r.querySelector('.verdict').textContent}))""")


def test_real_run(browser, out):
    who = real_run(out)
    page = os.path.join(out, "run", "report.html")
    report = json.load(open(os.path.join(out, "run", "report.json"), encoding="utf-8"))
    browser.navigate("file://" + page)
    check(browser.errors() == [], "a run against %s opens with no console error %s" % (who, browser.errors()))
    summary = report["summary"]
    verdict = next(v for v in ["fail", "warn", "error", "pass"] if summary[v])
    browser.evaluate("document.querySelector('button.filter[data-verdict=\"%s\"]').click()" % verdict)
    rows = visible_rows(browser)
    check(len(rows) == summary[verdict] and all(r["verdict"] == verdict for r in rows),
          "filter by %s shows the %d %s cases (shown: %d)" % (verdict, summary[verdict], verdict, len(rows)))
    first = rows[0]["id"]
    browser.evaluate("document.querySelector('#cases tr.case:not([hidden])').click()")
    events = browser.evaluate("[...document.querySelectorAll('tr.detail .transcript .ev')].map(e => e.className)")
    check(any("send" in e for e in events) and any("recv" in e for e in events),
          "expanding %s shows its transcript (%d events)" % (first, len(events)))
    browser.evaluate("document.querySelector('tr.detail .transcript button.hex').click()")
    dump = browser.evaluate("(document.querySelector('tr.detail pre.hexdump') || {}).textContent || ''")
    check(dump.startswith("000000  "), "the raw bytes are one click away as hex")
    fragment = browser.evaluate("decodeURIComponent(location.hash)")
    check("verdict=" + verdict in fragment and "case=" + first in fragment, "the URL fragment keeps the view: " + fragment)
    browser.evaluate("document.querySelector('tr.detail').scrollIntoView({block: 'center'})")
    browser.screenshot(os.path.join(OUT, "browser-run.png"))
    check(browser.errors() == [], "no console error after filtering and expanding")


def expand(browser, case_id):
    browser.evaluate("document.querySelector('#cases tr.case[data-id=\"%s\"]').click()" % case_id)
    return browser.evaluate("document.querySelector('#cases tr.case[data-id=\"%s\"]').nextElementSibling.textContent" % case_id)


def test_protocols(browser, out):
    subprocess.run([CONFORM, "report", os.path.join(SOURCE, "reports/tests/fixtures/protocols.json"), "--out",
                    os.path.join(out, "protocols")], stdout=subprocess.DEVNULL)
    browser.navigate("file://" + os.path.join(out, "protocols", "report.html"))
    check(browser.errors() == [], "the protocols report opens with no console error %s" % browser.errors())
    ws = expand(browser, "ws/close/reserved-opcode")
    check("WebSocket close" in ws and "code=1000" in ws and "reason=bye" in ws, "WebSocket frames are decoded")
    check("mask=37 fa 21 3d" in ws and "opcode=reserved (0xb)" in ws, "masked client frames show their key and opcode")
    check("wrong code" in ws and "expected 1002, got 1000" in ws, "the close verdict is shown")
    h2 = expand(browser, "http2/settings/ack")
    check(all(s in h2 for s in ["HTTP/2 connection preface", "SETTINGS", "MAX_CONCURRENT_STREAMS=100", "GOAWAY",
                                "PROTOCOL_ERROR (0x1)", "RST_STREAM", "CANCEL (0x8)", "WINDOW_UPDATE", "increment=1048576"]),
          "HTTP/2 frames are decoded")
    check(":authority: www.example.com" in h2, "HPACK notes are shown")
    rpc = expand(browser, "rpc/batch/call")
    check('"pipeline",' in rpc and '"resolve",' in rpc, "Cap'n Web messages are pretty-printed")
    link = browser.evaluate("document.querySelector('tr.detail a[href*=\"rfc-editor\"]').href")
    check(link == "https://www.rfc-editor.org/rfc/rfc6455#section-5.2", "the section links to the RFC: " + link)
    browser.evaluate("""(() => { const s = document.getElementById('suite-filter'); s.value = 'ws';
        s.dispatchEvent(new Event('change')); })()""")
    check(len(visible_rows(browser)) == 2, "the suite filter shows the 2 ws cases")
    browser.evaluate("""(() => { const s = document.getElementById('suite-filter'); s.value = '';
        s.dispatchEvent(new Event('change')); document.querySelector('th[data-column=verdict]').click(); })()""")
    order = [r["verdict"] for r in visible_rows(browser)]
    check(order[:3] == ["fail", "fail", "fail"] and order[-1] == "pass", "sorting by verdict puts failures first")
    browser.evaluate("window.scrollTo(0, 0)")
    browser.screenshot(os.path.join(OUT, "browser-protocols.png"), full_page=True)
    browser.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    browser.screenshot(os.path.join(OUT, "browser-protocols-dark.png"), full_page=True)
    check(browser.errors() == [], "no console error in the protocols report")


def test_matrix(browser, out):
    fixture = os.path.join(SOURCE, "reports/tests/fixtures/protocols.json")
    other = json.load(open(fixture, encoding="utf-8"))
    other["targets"][0]["url"] = "http://127.0.0.1:9090/"
    other["cases"][0]["verdict"], other["summary"]["fail"], other["summary"]["pass"] = "pass", 2, 4
    os.makedirs(os.path.join(out, "other"))
    second = os.path.join(out, "other", "report.json")
    json.dump(other, open(second, "w", encoding="utf-8"), ensure_ascii=False)
    subprocess.run([CONFORM, "report", fixture, second, "--out", os.path.join(out, "matrix")], stdout=subprocess.DEVNULL)
    browser.navigate("file://" + os.path.join(out, "matrix", "matrix.html"))
    check(browser.errors() == [], "the matrix opens with no console error %s" % browser.errors())
    columns = browser.evaluate("document.querySelectorAll('#matrix-head th.col').length")
    check(columns == 2, "the matrix has one column per target")
    browser.evaluate("document.getElementById('disagree-only').click()")
    shown = browser.evaluate("[...document.querySelectorAll('#matrix tbody tr')].filter(r => !r.hidden).map(r => r.cells[0].textContent)")
    check(shown == ["http1/host/missing"], "only the case where the targets disagree is left: %s" % shown)
    link = browser.evaluate("document.querySelector('#matrix tbody tr:not([hidden]) td.cell a').getAttribute('href')")
    check(link == "run-1/report.html#case=http1%2Fhost%2Fmissing", "each cell links to the case in its run: " + link)
    browser.evaluate("document.getElementById('disagree-only').click()")
    browser.screenshot(os.path.join(OUT, "browser-matrix.png"))


def main():
    chromium = cdp.find_chromium()
    if not chromium:
        print("SKIP: Chromium is not installed; `tools/bootstrap browser` installs it (Debian package chromium)")
        return 77
    os.makedirs(OUT, exist_ok=True)
    work = os.path.join(OUT, "browser-work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    browser = cdp.Browser(chromium, 1400, 1000)
    try:
        browser.open_page()
        test_real_run(browser, work)
        test_protocols(browser, work)
        browser.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        test_matrix(browser, work)
    finally:
        browser.close()
    print("screenshots: " + ", ".join(os.path.join(OUT, n) for n in
                                      ["browser-run.png", "browser-protocols.png", "browser-protocols-dark.png",
                                       "browser-matrix.png"]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
