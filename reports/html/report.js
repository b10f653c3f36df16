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

  function transcriptView(c) {
    if (c.transcript.length === 0) return el("p", { class: "empty", text: "No transcript: the case sent and received nothing." });
    const box = el("div", { class: "transcript mono" });
    for (const e of c.transcript) {
      box.append(el("div", { class: "ev " + e.dir }, [
        el("span", { class: "t", text: "+" + (e.t_us / 1000).toFixed(3) + " ms" }),
        el("span", { class: "c", text: "#" + e.conn }),
        el("span", { class: "d", text: e.dir }),
        el("span", { class: "data" }, [e.dir === "note" ? visible(e.data, false) : wireBytes(e.data)]),
      ]));
    }
    if (c.transcript_dropped_bytes > 0)
      box.append(el("div", { class: "empty", text: c.transcript_dropped_bytes + " more bytes dropped: the transcript reached its size cap." }));
    return box;
  }

  function detailView(c) {
    const rows = [
      ["Requirement", el("blockquote", { text: c.requirement })],
      ["Section", c.section + " (" + c.level + ")"],
      ["Verdict", el("span", { class: "verdict v-" + c.verdict, text: c.verdict })],
      ["Message", visible(c.message, true) || "\u2014"],
    ];
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

  function drawSummary() {
    const groups = new Map();
    for (const c of report.cases) {
      const key = c.target + "\u0000" + c.suite;
      if (!groups.has(key)) groups.set(key, { target: c.target, suite: c.suite, total: 0, counts: {} });
      const g = groups.get(key);
      g.total++;
      g.counts[c.verdict] = (g.counts[c.verdict] || 0) + 1;
    }
    const head = el("tr", {}, [el("th", { text: "suite" }), el("th", { class: "num", text: "cases" })]
      .concat(verdicts.map((v) => el("th", { class: "num", text: v }))));
    const body = el("tbody");
    for (const g of groups.values())
      body.append(el("tr", {}, [el("td", { text: g.suite + (severalTargets ? " @ [" + (g.target + 1) + "]" : "") }),
        el("td", { class: "num", text: String(g.total) })].concat(countCells(g.counts))));
    body.append(el("tr", { class: "total" }, [el("td", { text: "all" }), el("td", { class: "num", text: String(report.summary.total) })]
      .concat(countCells(report.summary))));
    document.getElementById("summary").append(el("table", {}, [el("thead", {}, [head]), body]));
  }

  const shownVerdicts = new Set();  // empty: every verdict
  const rows = [];

  function applyFilters() {
    const words = document.getElementById("text-filter").value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const r of rows) {
      const show = (shownVerdicts.size === 0 || shownVerdicts.has(r.c.verdict)) && words.every((w) => r.haystack.includes(w));
      r.row.hidden = !show;
      if (r.detail) r.detail.hidden = !show || r.row.getAttribute("aria-expanded") !== "true";
      if (show) shown++;
    }
    document.getElementById("shown").textContent = shown + " of " + rows.length + " cases";
    for (const b of document.querySelectorAll("button.filter"))
      b.setAttribute("aria-pressed", String(b.dataset.verdict === "" ? shownVerdicts.size === 0 : shownVerdicts.has(b.dataset.verdict)));
  }

  function drawFilters() {
    const box = document.getElementById("verdict-filters");
    const button = (verdict, label) => {
      const b = el("button", { class: "filter", type: "button", "data-verdict": verdict }, verdict ? [el("span", { class: "dot bg-" + verdict }), label] : [label]);
      b.addEventListener("click", () => {
        if (!verdict) shownVerdicts.clear();
        else if (shownVerdicts.has(verdict)) shownVerdicts.delete(verdict);
        else shownVerdicts.add(verdict);
        applyFilters();
      });
      return b;
    };
    box.append(button("", "all " + report.summary.total));
    for (const v of verdicts) if (report.summary[v]) box.append(button(v, v + " " + report.summary[v]));
    document.getElementById("text-filter").addEventListener("input", applyFilters);
  }

  function toggle(r) {
    const open = r.row.getAttribute("aria-expanded") !== "true";
    r.row.setAttribute("aria-expanded", String(open));
    if (open && !r.detail) {
      r.detail = el("tr", { class: "detail" }, [el("td", { colspan: String(r.row.cells.length) }, [detailView(r.c)])]);
      r.row.after(r.detail);
    }
    if (r.detail) r.detail.hidden = !open;
  }

  function drawCases() {
    const columns = ["id", "level", "section", "title", "verdict", "message"];
    if (severalTargets) columns.splice(1, 0, "target");
    document.getElementById("case-head").append(...columns.map((name) => el("th", { text: name })));
    const body = document.querySelector("#cases tbody");
    for (const c of report.cases) {
      const cells = {
        id: el("td", { class: "id mono", text: c.id }),
        target: el("td", { text: "[" + (c.target + 1) + "]", title: report.targets[c.target].url }),
        level: el("td", { class: "level", text: c.level }),
        section: el("td", { class: "section", text: c.section }),
        title: el("td", { text: c.title }),
        verdict: el("td", {}, [el("span", { class: "verdict v-" + c.verdict, text: c.verdict })]),
        message: el("td", { class: "message", text: visible(c.message.replace(/\n/g, " "), false) }),
      };
      const row = el("tr", { class: "case", tabindex: "0", "aria-expanded": "false" }, columns.map((name) => cells[name]));
      const r = { c, row, detail: null, haystack: [c.id, c.section, c.title, c.message, c.verdict, c.level].join(" ").toLowerCase() };
      row.addEventListener("click", () => toggle(r));
      row.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(r); } });
      rows.push(r);
      body.append(row);
    }
  }

  // A link to report.html#case=ID opens that case.
  function openLinkedCase() {
    const match = /^#case=(.+)$/.exec(location.hash);
    if (!match) return;
    const r = rows.find((each) => each.c.id === decodeURIComponent(match[1]));
    if (!r) return;
    if (r.row.getAttribute("aria-expanded") !== "true") toggle(r);
    r.row.scrollIntoView({ block: "start" });
    r.row.focus();
  }

  drawHeader();
  drawSummary();
  drawFilters();
  drawCases();
  applyFilters();
  openLinkedCase();
  window.addEventListener("hashchange", openLinkedCase);
})();
