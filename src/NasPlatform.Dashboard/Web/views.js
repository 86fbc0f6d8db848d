// The chart tabs of the dashboard: the interactive analysis views of nas-charts.js over the experiment's analysis
// JSON (api/experiments/KEY/analysis), plus the report's PNG charts for what has no interactive view yet.
"use strict";

const Views = {
  key: null,
  data: null,
  version: null,
  active: "history",
  choice: null,
  onTrial: null,

  // Re-reads the analysis when the experiment or its version changed, then redraws the active view.
  async refresh(key, version) {
    if (key === this.key && version === this.version && this.data) return;
    const data = await getJson(`api/experiments/${key}/analysis`);
    if (key !== state.key) return;
    this.key = key;
    this.data = data;
    this.version = version;
    this.render();
  },

  // Shows view (an id of NasCharts.views, or "png"); falls back to the first view the data allow.
  show(view, choice) {
    this.active = view || "history";
    if (choice !== undefined) this.choice = choice || null;
    this.render();
  },

  render() {
    if (!this.data) return;
    const offered = [...NasCharts.views(this.data), { id: "png", title: "Report charts (PNG)", ok: true }];
    let active = offered.find((v) => v.id === this.active && v.ok) || offered.find((v) => v.ok);
    $("chart-tabs").replaceChildren(...offered.map((v) => {
      const button = el("button", { type: "button", role: "tab", "data-view": v.id, "aria-selected": String(v.id === active.id) }, v.title);
      button.disabled = !v.ok;
      button.addEventListener("click", () => { Routes.write({ chart: v.id }, true); this.show(v.id); });
      return button;
    }));
    this.controls(active.id);
    const png = active.id === "png";
    $("chart").hidden = png;
    $("charts").hidden = !png;
    if (png) {
      this.pngs().catch(showError);
    } else {
      NasCharts.draw($("chart"), this.data, active.id, (n) => openTrial(n), this.choice);
    }
    // The open trial's lineage links, curve and ancestry (nas-lineage.js) need the analysis, which may come after the panel.
    if (state.detail != null) NasLineage.panel($("detail-body"), this.data, state.detail, openTrial);
  },

  // The slice view picks its choice here (the most important one first).
  controls(view) {
    // The learning curves pick their metric, the lineage its trial (nas-curves.js, nas-lineage.js).
    const picker = { curves: NasCurves, lineage: NasLineage }[view];
    if (picker) {
      const { label, names, value } = picker.picks(this.data, this.choice);
      const select = el("select", { id: "view-pick" }, ...names.map((c) => el("option", { value: c }, c)));
      select.value = value;
      select.addEventListener("change", () => { Routes.write({ choice: select.value }, true); this.show(view, select.value); });
      $("chart-controls").replaceChildren(el("label", {}, `${label} `, select));
      return;
    }
    if (view !== "slice") { $("chart-controls").replaceChildren(); return; }
    const metric = this.data.objectives[0].metric;
    const ranked = (this.data.importance[metric] || []).map((i) => i.choice);
    const names = [...ranked, ...this.data.choiceNames.filter((c) => !ranked.includes(c))];
    const select = el("select", { id: "slice-choice" }, ...names.map((c) => el("option", { value: c }, c)));
    select.value = this.choice && names.includes(this.choice) ? this.choice : names[0];
    this.choice = select.value;
    select.addEventListener("change", () => { Routes.write({ choice: select.value }, true); this.show("slice", select.value); });
    $("chart-controls").replaceChildren(el("label", {}, "choice ", select));
  },

  async pngs() {
    const key = this.key;
    const charts = await getJson(`api/experiments/${key}/charts`);
    if (key !== state.key) return;
    $("charts").replaceChildren(...charts.charts.map((c) =>
      el("figure", { "data-chart": c.id },
        el("img", { alt: c.title, src: `api/experiments/${key}/charts/${c.id}.png?v=${encodeURIComponent(charts.version)}` }),
        el("figcaption", {}, c.caption))));
  },
};
