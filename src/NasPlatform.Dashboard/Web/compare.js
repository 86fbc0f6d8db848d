// Side-by-side comparison of two or more trials (#cmp=3,7,12 in the URL): their state, metrics and choices in
// columns, the rows where they differ highlighted. Ctrl- or Cmd-click a trial row, or the trial panel's
// "compare" button, adds a trial; its "×" takes it out again.
"use strict";

const Compare = {
  numbers: [],

  // The trials the URL names (the order kept, duplicates dropped).
  read(route) {
    this.numbers = [...new Set((route.cmp || "").split(",").map((n) => n.trim()).filter((n) => /^\d+$/.test(n)).map(Number))];
  },

  toggle(number) {
    const numbers = this.numbers.includes(number) ? this.numbers.filter((n) => n !== number) : [...this.numbers, number];
    Routes.write({ cmp: numbers.join(",") }, true);
    this.numbers = numbers;
    this.render();
  },

  render() {
    const section = $("compare");
    const trials = state.trials ? this.numbers.map((n) => state.trials.trials.find((t) => t.number === n)).filter((t) => t) : [];
    for (const row of document.querySelectorAll("#trials tbody tr")) row.classList.toggle("compared", this.numbers.includes(Number(row.dataset.number)));
    if (this.numbers.length === 0) { section.hidden = true; return; }
    section.hidden = false;
    const head = el("tr", {}, el("th", {}, "trial"), ...trials.map((t) => {
      const remove = el("button", { type: "button", title: `take trial ${t.number} out`, "data-remove": t.number }, "×");
      remove.addEventListener("click", () => this.toggle(t.number));
      return el("th", {}, `${t.number} `, remove);
    }));
    const rows = [["state", (t) => t.state], ["fidelity", (t) => t.fidelity],
      ...state.trials.metrics.map((m) => [m, (t) => t.metrics[m] == null ? null : number(t.metrics[m])]),
      ...(state.trials.choiceNames || []).map((c) => [c, (t) => t.choices ? t.choices[c] : null])];
    const body = rows.map(([name, get]) => {
      const values = trials.map((t) => { const v = get(t); return v == null ? "-" : String(v); });
      const differs = new Set(values).size > 1;
      return el("tr", { class: differs ? "differs" : "" }, el("td", {}, name), ...values.map((v) => el("td", {}, v)));
    });
    const note = trials.length < 2 ? el("p", { class: "note" }, "Ctrl- or Cmd-click another trial row (or use a trial's \"compare\" button) to compare.") : el("p", { class: "note" }, `${body.filter((r) => r.classList.contains("differs")).length} of ${body.length} rows differ (highlighted).`);
    section.replaceChildren(el("h3", {}, `Comparing trials ${trials.map((t) => t.number).join(", ")}`), note, el("table", { id: "compare-table" }, el("thead", {}, head), el("tbody", {}, ...body)));
  },
};
