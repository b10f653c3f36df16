// Draws the embedded matrix (reports/matrix.cpp): a row per case, a column per target,
// each cell the verdict linking to the case in that run's report.html. Rows where
// targets disagree are marked and can be shown alone. Filter state in the fragment:
// #disagree&suite=http1&q=host. Text from the reports goes in through textContent.
"use strict";
(function () {
  const matrix = JSON.parse(document.getElementById("report-data").textContent);

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

  const visible = (text) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0"));
  const disagreeing = matrix.cases.filter((c) => c.disagree).length;
  document.getElementById("meta").textContent = matrix.cases.length + " cases \u00b7 " + matrix.columns.length +
    " targets \u00b7 " + disagreeing + " where they disagree";

  const head = document.getElementById("matrix-head");
  head.append(el("th", { text: "case" }), el("th", { text: "level" }));
  for (const col of matrix.columns) {
    const s = col.summary;
    head.append(el("th", { class: "col", title: col.url + " \u00b7 " + col.started + " \u00b7 conform " + col.conform_version }, [
      el("a", { href: col.link, text: col.label }), el("div", { class: "level", text: col.url + (col.embedded ? " (embedded)" : "") }),
      el("div", { class: "level", text: s.pass + " pass \u00b7 " + s.fail + " fail \u00b7 " + s.warn + " warn \u00b7 " + s.error + " error" })]));
  }

  const rows = [];
  const body = document.querySelector("#matrix tbody");
  for (const c of matrix.cases) {
    const cells = [el("td", { class: "id mono", title: c.section + ": " + c.title, text: c.id }), el("td", { class: "level", text: c.level })];
    c.results.forEach((r, i) => {
      if (!r) return cells.push(el("td", { class: "cell zero", text: "\u2014", title: "not run" }));
      const link = el("a", { class: "verdict v-" + r.verdict, href: matrix.columns[i].link + "#case=" + encodeURIComponent(c.id), text: r.verdict });
      const extra = r.close ? el("span", { class: "level close-" + r.close, text: " close " + r.close.replace("_", " ") }) : null;
      cells.push(el("td", { class: "cell", title: visible(r.message) }, [link, extra, r.baseline ? el("span", { class: "known", text: "known" }) : null]));
    });
    const row = el("tr", { class: c.disagree ? "disagree" : "" }, cells);
    rows.push({ c, row, haystack: [c.id, c.section, c.title].join(" ").toLowerCase() });
    body.append(row);
  }

  const suites = [...new Set(matrix.cases.map((c) => c.suite))];
  const suiteSelect = document.getElementById("suite-filter");
  suiteSelect.append(el("option", { value: "", text: "all suites" }), ...suites.map((s) => el("option", { value: s, text: s })));
  const only = document.getElementById("disagree-only");
  const text = document.getElementById("text-filter");

  function apply() {
    const words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const r of rows) {
      r.row.hidden = !((!only.checked || r.c.disagree) && (!suiteSelect.value || r.c.suite === suiteSelect.value) &&
        words.every((w) => r.haystack.includes(w)));
      if (!r.row.hidden) shown++;
    }
    document.getElementById("shown").textContent = shown + " of " + rows.length + " cases";
  }

  function save() {
    const params = new URLSearchParams();
    if (only.checked) params.set("disagree", "");
    if (suiteSelect.value) params.set("suite", suiteSelect.value);
    if (text.value) params.set("q", text.value);
    history.replaceState(null, "", params.toString() ? "#" + params.toString() : location.pathname);
    apply();
  }

  function load() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    only.checked = params.has("disagree");
    suiteSelect.value = params.get("suite") || "";
    text.value = params.get("q") || "";
    apply();
  }

  for (const control of [only, suiteSelect]) control.addEventListener("change", save);
  text.addEventListener("input", save);
  window.addEventListener("hashchange", load);
  load();
})();
