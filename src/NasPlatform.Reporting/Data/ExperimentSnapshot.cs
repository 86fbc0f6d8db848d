using NasPlatform.Workflows.Fidelities;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Reporting.Data;

/// <summary>One experiment as its store holds it at one moment: everything the charts and the dashboard read.</summary>
/// <param name="StorePath">The store file.</param>
/// <param name="Record">The experiment's row.</param>
/// <param name="Spec">The experiment file it was started with.</param>
/// <param name="Trials">Every trial, by number.</param>
/// <param name="Fidelities">The evaluator's fidelities, cheapest first (empty when none were recorded).</param>
/// <param name="FrontHistory">Hypervolume after each finished trial (multi-objective experiments).</param>
/// <param name="PredictorFits">The strategy's predictor refits, in order (predictor strategies).</param>
/// <param name="ProxyCheck">The proxy check of the experiment (its <c>-proxy-check</c> experiment in the same store), or the experiment's own trials at several fidelities; null when neither has one candidate at two fidelities.</param>
public sealed record ExperimentSnapshot(
    string StorePath,
    ExperimentRecord Record,
    ExperimentSpec Spec,
    IReadOnlyList<TrialRecord> Trials,
    IReadOnlyList<Fidelity> Fidelities,
    IReadOnlyList<FrontPoint> FrontHistory,
    IReadOnlyList<StrategyEventRecord> PredictorFits,
    ProxyCheckReport? ProxyCheck)
{
    /// <summary>The experiment's objectives.</summary>
    public ObjectiveSet Objectives { get; } = new(Spec.Objectives);

    /// <summary>Where the experiment stands (counts, cost, best trials, front): the read model every page and chart takes its numbers from.</summary>
    public ExperimentStanding Standing { get; } = ExperimentStanding.Of(Trials, Spec, Fidelities);

    /// <summary>What the trials' evaluators reported per step (learning curves), by trial and step; empty when none did.</summary>
    public IReadOnlyList<IntermediateValues> IntermediateValues { get; init; } = [];

    /// <summary>The experiment's name.</summary>
    public string Name => Record.Name;

    /// <summary>Fidelity names, cheapest first; null when the evaluator recorded none.</summary>
    public IReadOnlyList<string>? FidelityOrder => Fidelities.Count == 0 ? null : Fidelities.Select(f => f.Name).ToList();

    /// <summary>Reads experiment <paramref name="record"/> of <paramref name="store"/>: one consistent read per table.</summary>
    public static ExperimentSnapshot Read(ITrialStore store, ExperimentRecord record)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        var spec = ExperimentFile.FromDocument(record.SpecDocument, record.BaseDirectory, $"{store.Location} (experiment '{record.Name}')")
            with { StorePath = store.Location };
        var trials = store.GetTrials(record.Id);
        var fidelities = store.GetFidelities(record.Id);
        return new ExperimentSnapshot(
            store.Location,
            record,
            spec,
            trials,
            fidelities,
            store.GetFrontHistory(record.Id),
            store.GetStrategyEvents(record.Id, StrategyEvent.PredictorFitKind),
            ReadProxyCheck(store, record, spec, trials, fidelities))
        {
            IntermediateValues = store.GetIntermediateValues(record.Id),
        };
    }

    private static ProxyCheckReport? ReadProxyCheck(ITrialStore store, ExperimentRecord record, ExperimentSpec spec, IReadOnlyList<TrialRecord> trials, IReadOnlyList<Fidelity> fidelities)
    {
        var metric = spec.Objectives[0].Metric;
        if (!record.Name.EndsWith(Workflows.Fidelities.ProxyCheck.NameSuffix, StringComparison.Ordinal)
            && store.FindExperiment(Workflows.Fidelities.ProxyCheck.ExperimentName(record.Name)) is { } check)
        {
            var checkFidelities = store.GetFidelities(check.Id);
            var checkTrials = store.GetTrials(check.Id);
            if (checkFidelities.Count >= 2 && checkTrials.Any(t => t.State == TrialState.Completed && t.Metrics.ContainsKey(metric)))
            {
                return Workflows.Fidelities.ProxyCheck.Report(checkTrials, checkFidelities, metric, int.MaxValue, check.Name, store.Location);
            }
        }

        // A multi-fidelity search (the hierarchical proxy) scores some candidates at several fidelities: the same check on them.
        var sharedCandidates = trials.Where(t => t.State == TrialState.Completed && t.Metrics.ContainsKey(metric))
            .GroupBy(t => t.Hash).Count(g => g.Select(t => t.Fidelity).Distinct().Count() >= 2);
        return fidelities.Count >= 2 && sharedCandidates >= 2
            ? Workflows.Fidelities.ProxyCheck.Report(trials, fidelities, metric, int.MaxValue, record.Name, store.Location)
            : null;
    }
}
