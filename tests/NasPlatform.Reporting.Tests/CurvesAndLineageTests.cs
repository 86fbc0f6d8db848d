using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Results;
using NasPlatform.Reporting.Data;
using NasPlatform.Reporting.Interactive;

namespace NasPlatform.Reporting.Tests;

/// <summary>
/// Intermediate values and lineage from real runs (a VQE under evolution, NSGA-II on NAS-Bench-201) reach the analysis
/// JSON the learning-curve and lineage views draw, and the report carries those views and their scripts.
/// </summary>
public sealed class CurvesAndLineageTests(RunStores stores) : IClassFixture<RunStores>
{
    [Fact]
    public void A_vqe_run_stores_its_energy_per_optimizer_step_for_every_trial_and_it_reaches_the_curves()
    {
        using var source = ExperimentSource.Open(stores.Vqe);
        var experiment = source.Snapshots().Single();
        var completed = experiment.Trials.Where(t => t.IsUsable).ToList();
        Assert.Equal(10, completed.Count);

        var byTrial = experiment.IntermediateValues.ToLookup(v => v.TrialNumber);
        foreach (var trial in completed)
        {
            var curve = byTrial[trial.Number].ToList();
            // 60 steps x 2 restarts, reported every step (60 / 50 rounds to 1) until a restart's plateau stops it.
            Assert.InRange(curve.Count, 3, 500);
            Assert.Equal(curve.Select(v => v.Step).Order(), curve.Select(v => v.Step));
            var energies = curve.Select(v => v.Metrics["energy"]).ToList();
            // The best energy so far never rises, and the last one is the trial's energy (the best over the restarts).
            Assert.All(energies.Zip(energies.Skip(1)), p => Assert.True(p.Second <= p.First + 1e-12, $"trial {trial.Number}: {p.First} then {p.Second}"));
            Assert.Equal(trial.Metrics["energy"], energies[^1], 6);
        }

        var curves = CurveData.Of(experiment.IntermediateValues);
        Assert.Equal(["energy", "loss"], curves["metrics"]!.Values<string>());
        Assert.Equal(completed.Select(t => t.Number), curves["trials"]!.Select(t => (int)t["n"]!));
        var first = curves["trials"]![0]!;
        Assert.Equal(byTrial[completed[0].Number].Select(v => v.Metrics["energy"]), first["v"]![0]!.Values<double>());
    }

    [Fact]
    public void Evolution_and_nsga2_children_record_earlier_trials_as_parents_and_the_analysis_carries_them()
    {
        using var vqe = ExperimentSource.Open(stores.Vqe);
        var evolution = vqe.Snapshots().Single();
        // Population 4: trials 0-3 are sampled, every later one mutates one earlier, usable trial.
        Assert.All(evolution.Trials.Where(t => t.Number < 4), t => Assert.Empty(t.Parents));
        Assert.All(evolution.Trials.Where(t => t.Number >= 4), t => Assert.InRange(Assert.Single(t.Parents), 0, t.Number - 1));

        using var nsga = ExperimentSource.Open(stores.Nsga2);
        var experiment = nsga.Snapshots().Single();
        var children = experiment.Trials.Where(t => t.Number >= 8).ToList();
        Assert.All(children, t => Assert.All(t.Parents, p => Assert.InRange(p, 0, t.Number - 1)));
        Assert.All(children, t => Assert.InRange(t.Parents.Count, 1, 2));
        Assert.Contains(children, t => t.Parents.Count == 2);

        var data = AnalysisData.Of(experiment, TrialChoices.Of(experiment.Spec, experiment.Trials.Select(t => t.Candidate), () => stores.Plugins));
        Assert.Equal(experiment.Trials.Select(t => string.Join(",", t.Parents)), data["trials"]!.Select(t => string.Join(",", t["p"]!.Values<int>())));
    }

    [Fact]
    public void The_report_has_the_curve_and_lineage_views_and_their_scripts()
    {
        using var source = ExperimentSource.Open(stores.Vqe);
        var text = Html.HtmlReport.Render(Report.Build(source.Snapshots(), plugins: null));

        Assert.Contains("data-view=\"curves\"", text, StringComparison.Ordinal);
        Assert.Contains("data-view=\"lineage\"", text, StringComparison.Ordinal);
        Assert.Contains("window.NasCurves", text, StringComparison.Ordinal);
        Assert.Contains("window.NasLineage", text, StringComparison.Ordinal);
        Assert.Contains("\"curves\":{\"metrics\":[\"energy\",\"loss\"]", text, StringComparison.Ordinal);
    }
}
