// Predicted vs measured for predictor-guided runs, as an interactive view of NasCharts: each refit replayed from
// the store (NasPlatform.Reporting.Data.PredictorReplay) predicts the trials told before the next refit, which it
// had not seen. One colour per refit, the diagonal predicted = measured, hover for the trial, click to open it.
// The legend sits beside the plot, never over the points.
"use strict";

(function () {
  function option(data, parts) {
    const metric = data.objectives[0].metric;
    const refits = data.predictor || [];
    const values = refits.flatMap((r) => r.points.flatMap((p) => [p[0], p[1]])).filter((v) => v != null);
    const low = Math.min(...values), high = Math.max(...values);
    const tau = (v) => v == null ? "n/a" : v.toFixed(2);
    return {
      textStyle: parts.textStyle, toolbox: parts.toolbox, dataZoom: parts.zoom, tooltip: parts.tooltip(data),
      grid: { left: 70, right: 230, top: 50, bottom: 60, containLabel: true },
      legend: { type: "scroll", orient: "vertical", right: 8, top: 50, bottom: 40, textStyle: { fontSize: 12 } },
      title: { text: `Predicted vs measured ${metric} (each refit on the trials it had not seen)`, left: "center", top: 8, textStyle: { fontSize: 14 } },
      xAxis: { type: "value", name: `predicted ${metric}`, nameLocation: "middle", nameGap: 28, scale: true },
      yAxis: { type: "value", name: `measured ${metric}`, scale: true },
      series: [
        ...refits.map((r) => ({
          name: `refit at ${r.told} (${r.trainedOn} trained): tau ${tau(r.tau)}, run ${tau(r.journaledTau)}`,
          type: "scatter", symbolSize: 8, itemStyle: { opacity: 0.8 }, data: r.points,
        })),
        {
          name: "predicted = measured", type: "line", symbol: "none", silent: true, tooltip: { show: false },
          lineStyle: { type: "dotted", color: "#888" }, data: [[low, low], [high, high]],
        },
      ],
    };
  }

  NasCharts.register({
    id: "predictor",
    title: "Predicted vs measured",
    ok: (data) => (data.predictor || []).some((r) => r.points.length > 0),
    option: (data, metric, choice, parts) => option(data, parts),
  });
})();
