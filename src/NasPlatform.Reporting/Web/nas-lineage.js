// Lineage: which earlier trials a trial's candidate was made from (the strategy's parents: an evolution's mutated
// tournament winner, NSGA-II's two crossover parents), from the analysis JSON's per-trial "p". Loaded after
// nas-charts.js and nas-curves.js: it adds the "lineage" view (a trial's ancestry as a graph, its children beside it)
// and NasLineage.panel, which adds parent and child links, the trial's own curve and its ancestry to a trial card.
"use strict";

(function () {
  const N = window.NasCharts;
  // Enough generations and trials to follow an evolution back to its first population, few enough to read.
  const maxDepth = 40, maxNodes = 160, maxChildren = 24;

  const hasLineage = (data) => data.trials.some((t) => t.p && t.p.length > 0);
  const childrenOf = (data, n) => data.trials.filter((t) => t.p && t.p.includes(n)).map((t) => t.n);

  // The trial a lineage view starts from: the chosen one, else the best trial with parents, else the best.
  function focusOf(data, choice) {
    const chosen = Number(choice);
    if (choice != null && choice !== "" && data.trials.some((t) => t.n === chosen)) return chosen;
    const best = data.trials.filter((t) => t.best);
    return (best.find((t) => t.p && t.p.length > 0) || best[0] || data.trials.find((t) => t.p && t.p.length > 0) || data.trials[0]).n;
  }

  // Ancestors generation by generation (a trial met twice stays where it was first met), then the focus's children.
  function layout(data, focus) {
    const trials = new Map(data.trials.map((t) => [t.n, t]));
    const level = new Map([[focus, 0]]);
    let frontier = [focus];
    for (let depth = 1; depth <= maxDepth && frontier.length > 0 && level.size < maxNodes; depth++) {
      const next = [];
      for (const n of frontier) {
        for (const p of trials.get(n)?.p || []) {
          if (!level.has(p) && level.size < maxNodes) { level.set(p, depth); next.push(p); }
        }
      }
      frontier = next;
    }
    for (const c of childrenOf(data, focus).slice(0, maxChildren)) if (!level.has(c)) level.set(c, -1);
    const rows = new Map();
    for (const [n, d] of [...level.entries()].sort((a, b) => a[0] - b[0])) rows.set(d, [...(rows.get(d) || []), n]);
    const nodes = [...level.entries()].map(([n, d]) => {
      const row = rows.get(d), i = row.indexOf(n), t = trials.get(n);
      return {
        name: String(n), n, x: -d * 120, y: (i - (row.length - 1) / 2) * 46,
        symbolSize: n === focus ? 22 : 14,
        itemStyle: { color: n === focus ? "#d0452f" : d < 0 ? "#91cc75" : t?.best ? "#c9a227" : "#5470c6" },
        label: { show: true, position: "top", formatter: `#${n}` },
      };
    });
    // The graph scales its coordinates to fill the chart on each axis: a chain (one trial per generation) has no height,
    // so invisible corner points keep both axes at a readable scale.
    const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
    // The corners also keep the box about twice as wide as high, like the charts it is drawn in, so circles stay round.
    const spanX = Math.max(480, Math.max(...xs) - Math.min(...xs) + 120), spanY = Math.max(...ys) - Math.min(...ys) + 80;
    const width = Math.max(spanX, spanY * 2), height = Math.max(spanY, width / 2);
    const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
    for (const [x, y] of [[cx - width / 2, -height / 2], [cx + width / 2, height / 2]]) {
      nodes.push({ name: `corner ${x},${y}`, x, y, symbolSize: 0, label: { show: false }, tooltip: { show: false }, silent: true });
    }
    const links = [];
    for (const n of level.keys()) {
      for (const p of trials.get(n)?.p || []) if (level.has(p)) links.push({ source: String(p), target: String(n) });
    }
    return { nodes, links, generations: Math.max(...level.values()) };
  }

  function option(data, choice) {
    const focus = focusOf(data, choice);
    const { nodes, links, generations } = layout(data, focus);
    const trials = new Map(data.trials.map((t) => [t.n, t]));
    return {
      textStyle: N.textStyle, toolbox: { feature: { restore: {}, saveAsImage: {} }, right: 16 },
      title: { text: `Ancestry of trial ${focus} (${generations} generation(s); children in green)`, left: "center", top: 8, textStyle: { fontSize: 14 } },
      tooltip: {
        className: "nas-tooltip", confine: true,
        formatter: (p) => p.dataType === "edge" ? `trial ${p.data.source} → trial ${p.data.target}` : N.describe(data, trials.get(p.data.n)),
      },
      series: [{
        type: "graph", layout: "none", roam: true, top: 60, bottom: 30, left: 40, right: 40,
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 8, lineStyle: { color: "#889", width: 1.4, curveness: 0.15 },
        emphasis: { focus: "adjacency" }, data: nodes, links,
      }],
    };
  }

  N.register({ id: "lineage", title: "Lineage", ok: hasLineage, option: (data, metric, choice) => option(data, choice) });

  // What the dashboard's picker offers: the trials that have parents or children.
  const picks = (data, choice) => ({
    label: "trial",
    names: data.trials.filter((t) => (t.p && t.p.length > 0) || childrenOf(data, t.n).length > 0).map((t) => String(t.n)),
    value: String(focusOf(data, choice)),
  });

  const link = (n, onTrial) => {
    const a = document.createElement("a");
    a.href = "#";
    a.className = "trial-link";
    a.dataset.trial = String(n);
    a.textContent = `#${n}`;
    a.addEventListener("click", (event) => { event.preventDefault(); onTrial(n); });
    return a;
  };

  const line = (label, numbers, onTrial, id) => {
    const p = document.createElement("p");
    p.id = id;
    p.append(`${label}: `);
    if (numbers.length === 0) p.append("none");
    numbers.forEach((n, i) => { if (i > 0) p.append(", "); p.append(link(n, onTrial)); });
    return p;
  };

  // Adds to container (a trial card or the dashboard's trial panel) the trial's parents and children as links, its
  // own learning curve and its ancestry; replaces what an earlier call added. Charts are sized to the container.
  function panel(container, data, n, onTrial) {
    container.querySelector(".nas-trial-extras")?.remove();
    const t = data.trials.find((x) => x.n === n);
    if (!t) return;
    const section = document.createElement("div");
    section.className = "nas-trial-extras";
    const heading = (text) => { const h = document.createElement("h4"); h.textContent = text; return h; };
    section.append(heading("Lineage"), line("Parents", t.p || [], onTrial, "trial-parents"), line("Children", childrenOf(data, n), onTrial, "trial-children"));
    const box = (id) => { const d = document.createElement("div"); d.id = id; d.style.width = "100%"; d.style.height = "260px"; return d; };
    const curve = box(`trial-curve-${container.id || "card"}`);
    const ancestry = box(`trial-lineage-${container.id || "card"}`);
    section.append(heading("Learning curve"), curve);
    if ((t.p && t.p.length > 0) || childrenOf(data, n).length > 0) section.append(heading("Ancestry"), ancestry);
    container.append(section);
    if (!window.NasCurves || !NasCurves.trial(curve, data, n)) curve.replaceWith(Object.assign(document.createElement("p"), { className: "note", textContent: "no values per step were reported" }));
    if (ancestry.isConnected) {
      if (N.instances[ancestry.id]) N.instances[ancestry.id].dispose();
      const chart = echarts.init(ancestry, null, { renderer: "canvas" });
      N.instances[ancestry.id] = chart;
      const o = option(data, String(n));
      chart.setOption({ animation: false, ...o, tooltip: { ...o.tooltip, className: "nas-panel-tooltip" }, title: { show: false }, toolbox: { show: false }, series: [{ ...o.series[0], top: 20 }] });
      chart.on("click", (p) => { if (p.dataType === "node") onTrial(p.data.n); });
    }
    // Opening a panel narrows the page's other charts (the dashboard puts it beside them): fit them to their boxes.
    requestAnimationFrame(() => Object.values(N.instances).forEach((c) => { if (!c.isDisposed()) c.resize(); }));
  }

  window.NasLineage = { option, panel, picks, focusOf, layout };
})();
