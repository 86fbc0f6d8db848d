// The platform's interactive charts and analysis views, drawn with Apache ECharts (embedded, never fetched) from
// the analysis JSON of one experiment (NasPlatform.Reporting.Interactive.AnalysisData). The report inlines this file
// and the dashboard serves it: both call NasCharts.draw(element, data, view, onTrial).
"use strict";

(function () {
  const instances = {};
  // Views other files add (nas-curves.js, nas-lineage.js, nas-predictor.js): { id, title, ok(data), option(data, metric, choice, parts) }.
  const added = [];
  const fmt = (v) => v == null ? "-" : (Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(4) : String(+v.toPrecision(6)));
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" })[c]);

  // The views an experiment offers, in tab order: id, title, and whether its data allow it.
  function views(data) {
    const usable = data.trials.filter((t) => t.usable).length;
    const timed = data.trials.some((t) => t.start != null && t.end != null);
    return [
      { id: "history", title: "Optimization history", ok: usable > 0 },
      { id: "pareto", title: "Pareto front", ok: data.objectives.length >= 2 && usable > 0 },
      { id: "importance", title: "Parameter importance", ok: Object.values(data.importance).some((i) => i.length > 0) },
      { id: "parallel", title: "Parallel coordinates", ok: usable > 0 && data.choiceNames.length > 0 },
      { id: "slice", title: "Slice per choice", ok: usable > 0 && data.choiceNames.length > 0 },
      { id: "timeline", title: "Timeline per worker", ok: timed },
      ...added.map((v) => ({ id: v.id, title: v.title, ok: v.ok(data) })),
    ];
  }

  const metricIndex = (data, name) => data.metrics.indexOf(name);
  const byNumber = (data) => new Map(data.trials.map((t) => [t.n, t]));

  // Hover text: trial number, state, the objectives and a few more metrics, then the candidate's choices.
  function describe(data, t) {
    if (!t) return "";
    const objectives = data.objectives.map((o) => o.metric);
    const shown = [...objectives, ...data.metrics.filter((m) => !objectives.includes(m)).slice(0, 4)];
    const metrics = shown.map((m) => `${esc(m)} = <b>${fmt(t.m[metricIndex(data, m)])}</b>`).join("<br>");
    const choices = data.choiceNames.slice(0, 16).map((c, i) => `${esc(c)}=${esc(t.c[i] ?? "")}`);
    const more = data.choiceNames.length > 16 ? `<br>… ${data.choiceNames.length - 16} more choices` : "";
    return `<b>trial ${t.n}</b> (${esc(t.state)}${t.fidelity ? ", " + esc(t.fidelity) : ""})${t.best ? " ★ best" : ""}<br>${metrics}` +
      (choices.length ? `<br><span style="font-family:monospace;font-size:11px">${choices.join("<br>")}${more}</span>` : "");
  }

  const tooltip = (data) => {
    const trials = byNumber(data);
    return { className: "nas-tooltip", confine: true, formatter: (p) => describe(data, trials.get(Array.isArray(p.data) ? p.data[p.data.length - 1] : p.data?.n)) };
  };

  // A log axis when every value is positive and they span two decades or more.
  function axisType(values) {
    const finite = values.filter((v) => v != null);
    if (finite.length < 2 || finite.some((v) => v <= 0)) return "value";
    return Math.max(...finite) / Math.min(...finite) >= 100 ? "log" : "value";
  }

  const zoom = [{ type: "inside", xAxisIndex: 0, filterMode: "none" }, { type: "inside", yAxisIndex: 0, filterMode: "none" }, { type: "slider", xAxisIndex: 0, filterMode: "none", height: 18, bottom: 4 }];
  const toolbox = { feature: { dataZoom: { filterMode: "none" }, restore: {}, saveAsImage: {} }, right: 16 };
  const grid = { left: 70, right: 30, top: 50, bottom: 60, containLabel: true };
  const textStyle = { fontFamily: "system-ui, sans-serif", fontSize: 13 };

  function history(data, metric) {
    const k = metricIndex(data, metric.metric);
    const points = data.trials.filter((t) => t.usable && t.m[k] != null).map((t) => [t.n, t.m[k], t.n]);
    const better = metric.direction === "maximize" ? Math.max : Math.min;
    let best = null;
    const line = points.map(([n, v]) => { best = best == null ? v : better(best, v); return [n, best, n]; });
    return {
      textStyle, grid, toolbox, dataZoom: zoom, tooltip: tooltip(data), legend: { top: 8, left: 60 },
      title: { text: `${metric.metric} per trial (${metric.direction})`, left: "center", top: 8, textStyle: { fontSize: 14 } },
      xAxis: { type: "value", name: "trial", nameLocation: "middle", nameGap: 28, scale: true },
      yAxis: { type: axisType(points.map((p) => p[1])), name: metric.metric, scale: true },
      series: [
        // Above the line (z 3): a trial that set a new best lies on the line, and the line would take its hover.
        { name: "trial", type: "scatter", symbolSize: 7, data: points, itemStyle: { opacity: 0.75 }, z: 3 },
        { name: "best so far", type: "line", step: "end", symbol: "none", data: line, lineStyle: { width: 2 }, tooltip: { show: true } },
      ],
    };
  }

  function pareto(data) {
    const [a, b] = data.objectives;
    const ka = metricIndex(data, a.metric), kb = metricIndex(data, b.metric);
    const usable = data.trials.filter((t) => t.usable && t.m[ka] != null && t.m[kb] != null);
    const front = usable.filter((t) => t.front).map((t) => [t.m[ka], t.m[kb], t.n]).sort((p, q) => p[0] - q[0]);
    return {
      textStyle, grid, toolbox, dataZoom: zoom, tooltip: tooltip(data), legend: { top: 8, left: 60 },
      title: { text: `${a.metric} (${a.direction}) vs ${b.metric} (${b.direction})`, left: "center", top: 8, textStyle: { fontSize: 14 } },
      xAxis: { type: axisType(usable.map((t) => t.m[ka])), name: a.metric, nameLocation: "middle", nameGap: 28, scale: true },
      yAxis: { type: axisType(usable.map((t) => t.m[kb])), name: b.metric, scale: true },
      series: [
        { name: "dominated", type: "scatter", symbolSize: 6, itemStyle: { color: "#9aa7b8", opacity: 0.6 }, data: usable.filter((t) => !t.front).map((t) => [t.m[ka], t.m[kb], t.n]) },
        { name: "Pareto front", type: "line", step: a.direction === "maximize" ? "start" : "end", symbolSize: 9, itemStyle: { color: "#d0452f" }, data: front },
      ],
    };
  }

  function importance(data, metric) {
    const rows = (data.importance[metric.metric] || []).slice(0, 25).reverse();
    return {
      textStyle, grid: { left: 20, right: 40, top: 50, bottom: 30, containLabel: true }, toolbox: { feature: { saveAsImage: {} }, right: 16 },
      title: { text: `What ${metric.metric} depends on (permutation importance, random-forest surrogate)`, left: "center", top: 8, textStyle: { fontSize: 14 } },
      tooltip: { className: "nas-tooltip", formatter: (p) => `${esc(p.name)}: ${(100 * p.value).toFixed(1)} % of the importance` },
      xAxis: { type: "value", max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)} %` } },
      yAxis: { type: "category", data: rows.map((r) => r.choice), axisLabel: { fontFamily: "monospace" } },
      series: [{ type: "bar", data: rows.map((r) => r.importance), label: { show: true, position: "right", formatter: (p) => `${(100 * p.value).toFixed(1)} %` } }],
    };
  }

  // The choices the parallel-coordinates view shows: the most important ones first, at most 12.
  function topChoices(data, metric, count) {
    const ranked = (data.importance[metric.metric] || []).map((i) => i.choice);
    const names = [...ranked, ...data.choiceNames.filter((c) => !ranked.includes(c))].slice(0, count);
    return names.map((c) => data.choiceNames.indexOf(c));
  }

  function categories(data, i) {
    const values = [...new Set(data.trials.map((t) => t.c[i] ?? ""))];
    return values.every((v) => v !== "" && !Number.isNaN(Number(v))) ? values.sort((p, q) => p - q) : values.sort();
  }

  function parallel(data, metric) {
    const k = metricIndex(data, metric.metric);
    const picked = topChoices(data, metric, 12);
    const usable = data.trials.filter((t) => t.usable && t.m[k] != null);
    const values = usable.map((t) => t.m[k]);
    const axes = picked.map((i, d) => ({ dim: d, name: data.choiceNames[i], type: "category", data: categories(data, i) }));
    axes.push({ dim: picked.length, name: metric.metric, type: "value", scale: true });
    return {
      textStyle, toolbox: { feature: { saveAsImage: {} }, right: 16 },
      title: { text: `Choices and ${metric.metric} (drag along an axis to filter)`, left: "center", top: 8, textStyle: { fontSize: 14 } },
      tooltip: tooltip(data),
      parallel: { left: 60, right: 90, top: 80, bottom: 40, parallelAxisDefault: { nameTextStyle: { fontSize: 11 }, nameRotate: 20 } },
      parallelAxis: axes,
      visualMap: { type: "continuous", min: Math.min(...values), max: Math.max(...values), dimension: picked.length, orient: "vertical", right: 0, top: 80, calculable: true, inRange: { color: ["#313695", "#74add1", "#fdae61", "#a50026"] }, text: [metric.metric, ""] },
      series: [{ type: "parallel", lineStyle: { width: 1.2, opacity: 0.5 }, data: usable.map((t) => [...picked.map((i) => t.c[i] ?? ""), t.m[k], t.n]) }],
    };
  }

  function slice(data, metric, choice) {
    const k = metricIndex(data, metric.metric);
    const i = Math.max(0, data.choiceNames.indexOf(choice));
    const cats = categories(data, i);
    const points = data.trials.filter((t) => t.usable && t.m[k] != null).map((t) => [String(t.c[i] ?? ""), t.m[k], t.n]);
    return {
      textStyle, grid, toolbox, dataZoom: [zoom[1]], tooltip: tooltip(data),
      title: { text: `${metric.metric} by ${data.choiceNames[i]}`, left: "center", top: 8, textStyle: { fontSize: 14 } },
      xAxis: { type: "category", data: cats.map(String), name: data.choiceNames[i], nameLocation: "middle", nameGap: 28, axisLabel: { interval: 0, rotate: cats.length > 6 ? 30 : 0 } },
      yAxis: { type: axisType(points.map((p) => p[1])), name: metric.metric, scale: true },
      series: [{ type: "scatter", symbolSize: 8, itemStyle: { opacity: 0.6 }, data: points, jitter: 0 }],
    };
  }

  function timeline(data) {
    const workers = [...new Set(data.trials.filter((t) => t.start != null && t.end != null).map((t) => t.worker || "(none)"))].sort();
    const bars = data.trials.filter((t) => t.start != null && t.end != null).map((t) => ({ value: [workers.indexOf(t.worker || "(none)"), t.start, t.end, t.n], itemStyle: { color: t.state === "completed" ? (t.best ? "#d0452f" : "#5470c6") : "#c9a227" } }));
    return {
      textStyle, grid, toolbox, dataZoom: [{ type: "inside", xAxisIndex: 0, filterMode: "weakFilter" }, { type: "slider", xAxisIndex: 0, filterMode: "weakFilter", height: 18, bottom: 4 }],
      tooltip: tooltip(data),
      title: { text: "Trials per worker over time (seconds from the first start)", left: "center", top: 8, textStyle: { fontSize: 14 } },
      xAxis: { type: "value", name: "seconds", nameLocation: "middle", nameGap: 28, scale: true },
      yAxis: { type: "category", data: workers, axisLabel: { fontFamily: "monospace" } },
      series: [{
        type: "custom", encode: { x: [1, 2], y: 0 }, data: bars,
        renderItem: (params, api) => {
          const start = api.coord([api.value(1), api.value(0)]), end = api.coord([api.value(2), api.value(0)]);
          const height = api.size([0, 1])[1] * 0.6;
          return { type: "rect", shape: { x: start[0], y: start[1] - height / 2, width: Math.max(1, end[0] - start[0]), height }, style: api.style() };
        },
      }],
    };
  }

  function option(data, view, choice) {
    const metric = data.objectives[0];
    const extra = added.find((v) => v.id === view);
    if (extra) return extra.option(data, metric, choice, { textStyle, grid, toolbox, zoom, tooltip, axisType, esc, fmt });
    switch (view) {
      case "pareto": return pareto(data);
      case "importance": return importance(data, metric);
      case "parallel": return parallel(data, metric);
      case "slice": return slice(data, metric, choice || (data.importance[metric.metric] || [])[0]?.choice || data.choiceNames[0]);
      case "timeline": return timeline(data);
      default: return history(data, metric);
    }
  }

  // Draws one view into element (an existing chart there is replaced); a click on a trial calls onTrial(number).
  function draw(element, data, view, onTrial, choice) {
    const key = element.id || view;
    if (instances[key]) instances[key].dispose();
    const chart = echarts.init(element, null, { renderer: "canvas" });
    instances[key] = chart;
    // No animation: a live page redraws often, and a screenshot or test should see the finished chart.
    chart.setOption({ animation: false, ...option(data, view, choice) });
    chart.on("click", (p) => {
      const n = Array.isArray(p.data) ? p.data[p.data.length - 1] : (p.data?.value ? p.data.value[3] : p.data?.n);
      if (onTrial && typeof n === "number") onTrial(n);
    });
    return chart;
  }

  // A trial's metrics and choices as an HTML table (the report's trial card; the dashboard has its own panel).
  function card(data, n) {
    const t = byNumber(data).get(n);
    if (!t) return `<p>No trial ${n}.</p>`;
    const rows = data.metrics.map((m, i) => `<tr><td>${esc(m)}</td><td class="n">${fmt(t.m[i])}</td></tr>`).join("") +
      data.choiceNames.map((c, i) => `<tr><td>${esc(c)}</td><td><code>${esc(t.c[i] ?? "")}</code></td></tr>`).join("");
    return `<h4>Trial ${t.n} (${esc(t.state)})</h4><table>${rows}</table>`;
  }

  window.addEventListener("resize", () => Object.values(instances).forEach((c) => c.resize()));
  const register = (view) => added.push(view);
  window.NasCharts = { views, draw, card, describe, instances, register, axisType, tooltip, esc, fmt, textStyle, toolbox, zoom };
})();
