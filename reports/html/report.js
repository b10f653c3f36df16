// Draws the embedded report.json: header, counts by suite, a filterable table of
// cases, and per case its requirement, facts and transcript. Everything from the
// report goes in through textContent, never innerHTML: a target's bytes are data.
"use strict";
(function () {
  const report = JSON.parse(document.getElementById("report-data").textContent);
  const verdicts = ["pass", "fail", "warn", "info", "skip", "error"];
  const severalTargets = report.targets.length > 1;

  function el(tag, props, children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children || []) if (child != null) node.append(child);
    return node;
  }

  function duration(ms) {
    if (ms < 1) return ms.toFixed(2) + " ms";
    if (ms < 1000) return ms.toFixed(ms < 10 ? 1 : 0) + " ms";
    return (ms / 1000).toFixed(1) + " s";
  }

  function targetName(index) {
    const t = report.targets[index];
    return t.url + (t.embedded ? " (embedded reference)" : "");
  }

  // Wire bytes arrive as code points U+0000..U+00FF, one per byte. Printable ASCII is
  // shown as is; everything else spelt out and marked, with a real break after LF.
  function wireBytes(data) {
    const out = document.createDocumentFragment();
    let plain = "";
    const flush = () => { if (plain) out.append(plain); plain = ""; };
    const mark = (text) => { flush(); out.append(el("span", { class: "esc", text: text })); };
    for (let i = 0; i < data.length; i++) {
      const b = data.charCodeAt(i);
      if (b === 0x5c) mark("\\\\");
      else if (b === 0x0d) mark("\\r");
      else if (b === 0x0a) { mark("\\n"); plain += "\n"; }
      else if (b === 0x09) mark("\\t");
      else if (b >= 0x20 && b < 0x7f) plain += data[i];
      else mark("\\x" + b.toString(16).padStart(2, "0"));
    }
    flush();
    return out;
  }

  // Text from the harness (messages, notes, facts) may quote a target: control
  // characters are spelt out; line feeds are kept where the text may span lines.
  function visible(text, keepNewlines) {
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) =>
      keepNewlines && c === "\n" ? c : "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0"));
  }

  // One decoded unit: a heading with its fields, then its payload as text or bytes.
  function unitView(u) {
    const parts = [el("span", { class: "unit-head", text: u.head })];
    for (const [k, v] of u.fields) parts.push(" ", el("span", { class: "field" }, [el("span", { class: "k", text: k + "=" }), visible(v, false)]));
    const box = el("div", { class: "unit u-" + u.kind }, parts.length > 1 || u.kind !== "http" ? [el("div", {}, parts)] : []);
    if (u.body) box.append(el("div", { class: "payload" }, [wireBytes(u.body)]));
    if (u.text) box.append(el("pre", { class: "payload text", text: visible(u.text, true) }));
    if (u.hexBody) box.append(el("div", { class: "payload hexbody", text: u.hexBody }));
    return box;
  }

  // Each wire event decoded per the case's protocol (decode.js), its raw bytes as a
  // hex dump one click away.
  function transcriptView(c) {
    if (c.transcript.length === 0) return el("p", { class: "empty", text: "No transcript: the case sent and received nothing." });
    let decoded = null;
    try { decoded = conformDecode.decodeTranscript(c.suite, c.transcript); } catch (err) { decoded = null; }
    const box = el("div", { class: "transcript mono" });
    c.transcript.forEach((e, i) => {
      const data = el("span", { class: "data" });
      if (e.dir === "note") data.append(visible(e.data, false));
      else if (decoded && decoded[i] && decoded[i].length) for (const u of decoded[i]) data.append(unitView(u));
      else if (decoded && decoded[i]) data.append(el("span", { class: "empty", text: "(" + e.data.length + " bytes, part of a frame shown below)" }));
      else data.append(wireBytes(e.data));
      const row = el("div", { class: "ev " + e.dir }, [
        el("span", { class: "t", text: "+" + (e.t_us / 1000).toFixed(3) + " ms" }),
        el("span", { class: "c", text: "#" + e.conn }),
        el("span", { class: "d", text: e.dir }), data]);
      if (e.dir !== "note") {
        const button = el("button", { class: "hex", type: "button", title: "raw bytes in hex", text: "hex" });
        let dump = null;
        button.addEventListener("click", () => {
          if (!dump) { dump = el("pre", { class: "hexdump", text: conformDecode.hexDump(conformDecode.bytesOf(e.data)) }); data.append(dump); }
          else dump.hidden = !dump.hidden;
          button.setAttribute("aria-pressed", String(!dump.hidden));
        });
        row.querySelector(".d").append(" ", button);
      }
      box.append(row);
    });
    if (c.transcript_dropped_bytes > 0)
      box.append(el("div", { class: "empty", text: c.transcript_dropped_bytes + " more bytes dropped: the transcript reached its size cap." }));
    return box;
  }

  // "RFC 9112 §3.2" -> the RFC Editor's page at that section (a link the reader may
  // follow; the page itself fetches nothing).
  function sectionLink(section) {
    const m = /RFC\s*(\d+)\s*§\s*([0-9A-Z][0-9.]*[0-9])?/.exec(section);
    if (!m) return section;
    const anchor = m[2] ? (/^[A-Z]/.test(m[2]) ? "#appendix-" : "#section-") + m[2] : "";
    return el("a", { href: "https://www.rfc-editor.org/rfc/rfc" + m[1] + anchor, target: "_blank", rel: "noopener noreferrer", text: section });
  }

  function closeView(close) {
    const got = close.received === null ? "no close code" : String(close.received);
    const expected = close.expected.length ? close.expected.join(" or ") : "any code";
    return el("span", {}, [el("span", { class: "verdict close-" + close.verdict, text: close.verdict.replace("_", " ") }),
      " expected " + expected + ", got " + got + (close.reason ? " \u201c" + visible(close.reason, false) + "\u201d" : "") +
      " \u00b7 closed by " + close.closed_by + ", " + (close.clean ? "clean" : "unclean")]);
  }

  function detailView(c) {
    const rows = [
      ["Requirement", el("blockquote", { text: c.requirement })],
      ["Section", el("span", {}, [sectionLink(c.section), " (" + c.level + ")"])],
      ["Verdict", el("span", { class: "verdict v-" + c.verdict, text: c.verdict })],
      ["Message", visible(c.message, true) || "\u2014"],
    ];
    if (c.close) rows.push(["Close", closeView(c.close)]);
    if (c.baseline) rows.push(["Baseline", (c.baseline.expired ? "expired " + c.baseline.expires + ", gates again: " : "known failure: ") + visible(c.baseline.reason, false)]);
    for (const [key, value] of Object.entries(c.facts)) rows.push([visible(key, false), el("code", { text: visible(value, true) })]);
    if (severalTargets) rows.push(["Target", targetName(c.target)]);
    if (c.needs.length) rows.push(["Needs", c.needs.join(", ")]);
    if (c.see_also.length) rows.push(["See also", c.see_also.join(", ")]);
    rows.push(["Duration", duration(c.duration_ms)]);
    rows.push(["Case seed", String(c.seed)]);
    const dl = el("dl");
    for (const [key, value] of rows) dl.append(el("dt", { text: key }), el("dd", {}, [value]));
    return el("div", { class: "detail" }, [dl, el("h3", { text: "Transcript" }), transcriptView(c)]);
  }

  function drawHeader() {
    const s = report.summary;
    const when = report.started.replace("T", " ").replace("Z", " UTC");
    document.title = "conform: " + s.fail + " fail, " + s.error + " error of " + s.total + " \u2014 " + report.targets.map((t) => t.url).join(", ");
    document.getElementById("meta").textContent = [
      s.total + " cases in " + duration(report.duration_ms), "seed " + report.seed, when,
      "conform " + report.conform_version, report.settings.jobs + " jobs",
    ].join(" \u00b7 ");
    if (report.gate) {
      const g = report.gate;
      const how = "fail on " + g.fail_on.toUpperCase() + (g.baseline ? ", baseline " + g.baseline : "");
      const what = g.passed ? "passed" : "failed: " + g.new_failures.length + " new failure" + (g.new_failures.length === 1 ? "" : "s") +
        " (" + g.new_failures.slice(0, 5).join(", ") + (g.new_failures.length > 5 ? ", …" : "") + ")";
      const gate = document.getElementById("gate");
      gate.append(el("strong", { class: g.passed ? "v-pass" : "v-fail", text: "Gate " + what }), " · " + how +
        (g.now_passing.length ? " · baseline entries that pass now and can go: " + g.now_passing.join(", ") : ""));
      gate.hidden = false;
    }
    const list = document.getElementById("targets");
    report.targets.forEach((t, i) => {
      const probes = t.probes.length ? el("details", {}, [el("summary", { text: "probes" }), " " + visible(t.probes.join("; "), false)]) : null;
      list.append(el("li", {}, [
        el("strong", { text: (severalTargets ? "[" + (i + 1) + "] " : "") + targetName(i) }),
        " \u00b7 offers: " + (t.capabilities.length ? t.capabilities.join(", ") : "none of the profile's endpoints") + " ", probes,
      ]));
    });
  }

  function countCells(counts) {
    return verdicts.map((v) => el("td", { class: "num" + (counts[v] ? " v-" + v : " zero"), text: counts[v] ? String(counts[v]) : "\u00b7" }));
  }

  // Per suite: counts by verdict, then by level how many of the judged cases passed
  // ("MUST 40/42"), so a broken SHOULD does not read like a broken MUST.
  const levels = ["MUST", "SHOULD", "MAY", "INFO"].filter((l) => report.cases.some((c) => c.level === l));
  function levelCells(byLevel) {
    return levels.map((l) => {
      const n = byLevel[l];
      if (!n || !n.judged) return el("td", { class: "num zero", text: "\u00b7" });
      const miss = l === "MUST" ? " v-fail" : l === "SHOULD" ? " v-warn" : " v-info";
      return el("td", { class: "num" + (n.pass < n.judged ? miss : ""), title: n.pass + " of " + n.judged + " judged " + l + " cases passed", text: n.pass + "/" + n.judged });
    });
  }

  function tally(group, c) {
    group.total++;
    group.counts[c.verdict] = (group.counts[c.verdict] || 0) + 1;
    const n = group.byLevel[c.level] || (group.byLevel[c.level] = { pass: 0, judged: 0 });
    if (["pass", "fail", "warn", "error"].includes(c.verdict)) n.judged++;
    if (c.verdict === "pass") n.pass++;
  }

  function drawSummary() {
    const groups = new Map();
    const all = { total: 0, counts: {}, byLevel: {} };
    for (const c of report.cases) {
      const key = c.target + "\u0000" + c.suite;
      if (!groups.has(key)) groups.set(key, { target: c.target, suite: c.suite, total: 0, counts: {}, byLevel: {} });
      tally(groups.get(key), c);
      tally(all, c);
    }
    const head = el("tr", {}, [el("th", { text: "suite" }), el("th", { class: "num", text: "cases" })]
      .concat(verdicts.map((v) => el("th", { class: "num", text: v })))
      .concat(levels.map((l) => el("th", { class: "num level-col", title: "passed of judged " + l + " cases", text: l }))));
    const body = el("tbody");
    for (const g of groups.values())
      body.append(el("tr", {}, [el("td", { text: g.suite + (severalTargets ? " @ [" + (g.target + 1) + "]" : "") }),
        el("td", { class: "num", text: String(g.total) })].concat(countCells(g.counts), levelCells(g.byLevel))));
    body.append(el("tr", { class: "total" }, [el("td", { text: "all" }), el("td", { class: "num", text: String(report.summary.total) })]
      .concat(countCells(report.summary), levelCells(all.byLevel))));
    document.getElementById("summary").append(el("table", {}, [el("thead", {}, [head]), body]));
  }

  // The filter state lives in the URL fragment, so a filtered view can be linked:
  // #verdict=fail,warn&suite=http1&level=MUST&q=host&sort=-id&case=http1/host/missing
  const state = { verdicts: new Set(), suite: "", level: "", q: "", sort: "", caseId: "" };
  const rows = [];

  function readFragment() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    state.verdicts = new Set((params.get("verdict") || "").split(",").filter((v) => verdicts.includes(v)));
    state.suite = params.get("suite") || "";
    state.level = params.get("level") || "";
    state.q = params.get("q") || "";
    state.sort = params.get("sort") || "";
    state.caseId = params.get("case") || "";
  }

  function writeFragment() {
    const params = new URLSearchParams();
    if (state.verdicts.size) params.set("verdict", [...state.verdicts].join(","));
    for (const key of ["suite", "level", "q", "sort"]) if (state[key]) params.set(key, state[key]);
    if (state.caseId) params.set("case", state.caseId);
    const hash = params.toString();
    history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
  }

  function applyFilters() {
    const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const r of rows) {
      const show = (state.verdicts.size === 0 || state.verdicts.has(r.c.verdict)) && (!state.suite || r.c.suite === state.suite) &&
        (!state.level || r.c.level === state.level) && words.every((w) => r.haystack.includes(w));
      r.row.hidden = !show;
      if (r.detail) r.detail.hidden = !show || r.row.getAttribute("aria-expanded") !== "true";
      if (show) shown++;
    }
    document.getElementById("shown").textContent = shown + " of " + rows.length + " cases";
    for (const b of document.querySelectorAll("button.filter"))
      b.setAttribute("aria-pressed", String(b.dataset.verdict === "" ? state.verdicts.size === 0 : state.verdicts.has(b.dataset.verdict)));
    document.getElementById("suite-filter").value = state.suite;
    document.getElementById("level-filter").value = state.level;
    const text = document.getElementById("text-filter");
    if (text.value !== state.q) text.value = state.q;
  }

  function changed() { applyFilters(); writeFragment(); }

  function fillSelect(id, label, values) {
    const select = document.getElementById(id);
    select.append(el("option", { value: "", text: label }), ...values.map((v) => el("option", { value: v, text: v })));
    return select;
  }

  function drawFilters() {
    const box = document.getElementById("verdict-filters");
    const button = (verdict, label) => {
      const b = el("button", { class: "filter", type: "button", "data-verdict": verdict }, verdict ? [el("span", { class: "dot bg-" + verdict }), label] : [label]);
      b.addEventListener("click", () => {
        if (!verdict) state.verdicts.clear();
        else if (state.verdicts.has(verdict)) state.verdicts.delete(verdict);
        else state.verdicts.add(verdict);
        changed();
      });
      return b;
    };
    box.append(button("", "all " + report.summary.total));
    for (const v of verdicts) if (report.summary[v]) box.append(button(v, v + " " + report.summary[v]));
    const suites = [...new Set(report.cases.map((c) => c.suite))];
    const levels = ["MUST", "SHOULD", "MAY", "INFO"].filter((l) => report.cases.some((c) => c.level === l));
    fillSelect("suite-filter", "all suites", suites).addEventListener("change", (e) => { state.suite = e.target.value; changed(); });
    fillSelect("level-filter", "all levels", levels).addEventListener("change", (e) => { state.level = e.target.value; changed(); });
    document.getElementById("text-filter").addEventListener("input", (e) => { state.q = e.target.value; changed(); });
  }

  function toggle(r) {
    const open = r.row.getAttribute("aria-expanded") !== "true";
    r.row.setAttribute("aria-expanded", String(open));
    if (open && !r.detail) {
      r.detail = el("tr", { class: "detail" }, [el("td", { colspan: String(r.row.cells.length) }, [detailView(r.c)])]);
      r.row.after(r.detail);
    }
    if (r.detail) r.detail.hidden = !open;
    state.caseId = open ? r.c.id : (state.caseId === r.c.id ? "" : state.caseId);
    writeFragment();
  }

  // Sorting by a column: click a heading; again for descending. Verdicts and levels
  // sort by severity, not alphabet.
  const rank = { verdict: (c) => ["fail", "error", "warn", "info", "skip", "pass"].indexOf(c.verdict),
    level: (c) => ["MUST", "SHOULD", "MAY", "INFO"].indexOf(c.level), target: (c) => c.target };
  function sortRows() {
    const desc = state.sort.startsWith("-"), column = state.sort.replace(/^-/, "");
    const key = rank[column] || ((c) => String(c[column] === undefined ? "" : c[column]));
    const order = rows.map((r, i) => ({ r, i, k: column ? key(r.c) : i }));
    order.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i) * (desc && a.k !== b.k ? -1 : 1));
    const body = document.querySelector("#cases tbody");
    for (const { r } of order) { body.append(r.row); if (r.detail) body.append(r.detail); }
    for (const th of document.querySelectorAll("#case-head th"))
      th.setAttribute("aria-sort", th.dataset.column === column ? (desc ? "descending" : "ascending") : "none");
  }

  function drawCases() {
    const columns = ["id", "level", "section", "title", "verdict", "message"];
    if (severalTargets) columns.splice(1, 0, "target");
    document.getElementById("case-head").append(...columns.map((name) => {
      const th = el("th", { "data-column": name, tabindex: "0", title: "sort by " + name, text: name });
      const sortBy = () => { state.sort = state.sort === name ? "-" + name : name; sortRows(); writeFragment(); };
      th.addEventListener("click", sortBy);
      th.addEventListener("keydown", (e) => { if (e.key === "Enter") sortBy(); });
      return th;
    }));
    const body = document.querySelector("#cases tbody");
    for (const c of report.cases) {
      const known = c.baseline && ["fail", "warn", "error"].includes(c.verdict) ? el("span", { class: "known", title: visible(c.baseline.reason, false), text: c.baseline.expired ? "baseline expired" : "known" }) : null;
      const cells = {
        id: el("td", { class: "id mono", text: c.id }),
        target: el("td", { text: "[" + (c.target + 1) + "]", title: report.targets[c.target].url }),
        level: el("td", { class: "level", text: c.level }),
        section: el("td", { class: "section", text: c.section }),
        title: el("td", { text: c.title }),
        verdict: el("td", {}, [el("span", { class: "verdict v-" + c.verdict, text: c.verdict }), known]),
        message: el("td", { class: "message", text: visible(c.message.replace(/\n/g, " "), false) }),
      };
      const row = el("tr", { class: "case", tabindex: "0", "aria-expanded": "false", "data-id": c.id }, columns.map((name) => cells[name]));
      const r = { c, row, detail: null, haystack: [c.id, c.section, c.title, c.message, c.verdict, c.level].join(" ").toLowerCase() };
      row.addEventListener("click", (e) => { if (!e.target.closest("a")) toggle(r); });
      row.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(r); } });
      rows.push(r);
      body.append(row);
    }
  }

  // The fragment's case (report.html#case=ID) opens, and scrolls into view.
  function openLinkedCase() {
    const r = state.caseId && rows.find((each) => each.c.id === state.caseId);
    if (!r) return;
    if (r.row.getAttribute("aria-expanded") !== "true") toggle(r);
    r.row.scrollIntoView({ block: "start" });
    r.row.focus();
  }

  function fromFragment() { readFragment(); applyFilters(); sortRows(); openLinkedCase(); }

  drawHeader();
  drawSummary();
  drawFilters();
  drawCases();
  fromFragment();
  window.addEventListener("hashchange", fromFragment);
})();
