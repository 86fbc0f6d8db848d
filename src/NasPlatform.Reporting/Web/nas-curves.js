// Learning curves: what each trial's evaluator reported per step (a network's accuracy per epoch, a VQE's energy per
// optimizer step), one line per trial, from the analysis JSON's "curves" (NasPlatform.Reporting.Interactive.CurveData).
// Loaded after nas-charts.js: it adds the "curves" view there, and NasCurves.trial draws one trial's own curve.
"use strict";

(function () {
  const N = window.NasCharts;
  // Beyond this many trials the view draws the best ones and the latest: a readable chart, and a quick one.
  const maxTrials = 300;

  // The metric shown: the chosen one, else the first objective the trials reported per step, else the first reported.
  function metricOf(data, choice) {
    const names = data.curves ? data.curves.metrics : [];
    if (choice && names.includes(choice)) return choice;
    return data.objectives.map((o) => o.metric).find((m) => names.includes(m)) || names[0];
  }

  function lines(data, metric, only) {
    const k = data.curves.metrics.indexOf(metric);
    const trials = new Map(data.trials.map((t) => [t.n, t]));
    let curves = data.curves.trials.filter((c) => only == null || c.n === only);
    if (curves.length > maxTrials) {
      const best = curves.filter((c) => trials.get(c.n)?.best);
      curves = [...best, ...curves.filter((c) => !trials.get(c.n)?.best).slice(-(maxTrials - best.length))];
    }
    return curves.map((c) => {
      const best = trials.get(c.n)?.best;
      return {
        name: `trial ${c.n}`, type: "line", showSymbol: true, symbolSize: best ? 5 : 3, z: best ? 3 : 2,
        data: c.s.map((s, i) => [s, c.v[k][i], c.n]).filter((p) => p[1] != null),
        lineStyle: { width: best ? 2.5 : 1.2, opacity: best ? 1 : 0.6 },
        itemStyle: best ? { color: "#d0452f" } : undefined,
        emphasis: { focus: "series", lineStyle: { width: 3 } },
      };
    }).filter((s) => s.data.length > 0);
  }

  // The chart: metric against step, one line per trial (only that trial's when only is a trial number).
  function option(data, choice, only) {
    const metric = metricOf(data, choice);
    const series = lines(data, metric, only);
    const trials = new Map(data.trials.map((t) => [t.n, t]));
    const values = series.flatMap((s) => s.data.map((p) => p[1]));
    const steps = series.flatMap((s) => s.data.map((p) => p[0]));
    const title = only == null ? `${metric} per step, one line per trial (best in red)` : `Trial ${only}: ${metric} per step`;
    return {
      textStyle: N.textStyle, toolbox: N.toolbox, dataZoom: N.zoom,
      grid: { left: 70, right: 30, top: 50, bottom: 60, containLabel: true },
      title: { text: title, left: "center", top: 8, textStyle: { fontSize: 14 } },
      tooltip: {
        className: "nas-tooltip", confine: true, trigger: "item",
        formatter: (p) => `step ${p.data[0]}: ${N.esc(metric)} = <b>${N.fmt(p.data[1])}</b><br>${N.describe(data, trials.get(p.data[2]))}`,
      },
      xAxis: { type: N.axisType(steps), name: "step", nameLocation: "middle", nameGap: 28, scale: true },
      yAxis: { type: N.axisType(values), name: metric, scale: true },
      series,
    };
  }

  N.register({
    id: "curves",
    title: "Learning curves",
    ok: (data) => !!data.curves && data.curves.trials.length > 0,
    option: (data, metric, choice) => option(data, choice),
  });

  // One trial's own curve into element (a trial card or panel); false when the trial reported nothing per step.
  function trial(element, data, n, choice) {
    if (!data.curves || !data.curves.trials.some((c) => c.n === n)) return false;
    if (N.instances[element.id]) N.instances[element.id].dispose();
    const chart = echarts.init(element, null, { renderer: "canvas" });
    N.instances[element.id] = chart;
    const o = option(data, choice, n);
    // Its own tooltip class: the page's ".nas-tooltip" stays the main chart's.
    chart.setOption({ animation: false, ...o, tooltip: { ...o.tooltip, className: "nas-panel-tooltip" }, toolbox: { show: false }, dataZoom: [{ type: "inside", xAxisIndex: 0, filterMode: "none" }] });
    return true;
  }

  // What the dashboard's picker offers for the view: the metrics reported per step.
  const picks = (data, choice) => ({ label: "metric", names: data.curves.metrics, value: metricOf(data, choice) });

  window.NasCurves = { option, trial, picks, metricOf };
})();
