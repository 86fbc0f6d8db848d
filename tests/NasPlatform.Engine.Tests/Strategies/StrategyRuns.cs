using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Strategies;

/// <summary>Runs the engine's strategies through <see cref="ExperimentRunner"/> on bit strings, with any evaluator.</summary>
internal static class StrategyRuns
{
    public static ExperimentRunner Runner(ExperimentSpec spec, ITrialStore store, IEvaluator evaluator, ISearchStrategyFactory factory, int length = 12, IRunObserver? observer = null) =>
        new(spec, new ExperimentComponents(new BitStringSpace(length), evaluator, factory, NasPlatform.Abstractions.Options.ComponentOptions.Bind(factory.OptionsType, spec.Strategy.Options.ToString())), store, observer);

    /// <summary>Runs a new experiment to the end; returns the summary and the stored trials.</summary>
    public static async Task<(RunSummary Summary, IReadOnlyList<TrialRecord> Trials)> RunToEnd(
        ExperimentSpec spec, IEvaluator evaluator, ISearchStrategyFactory factory, int length = 12, IRunObserver? observer = null)
    {
        using var store = SqliteTrialStore.Open(spec.StorePath);
        var summary = await Runner(spec, store, evaluator, factory, length, observer).RunAsync();
        return (summary, store.GetTrials(summary.ExperimentId));
    }

    /// <summary>Runs until trial <paramref name="cancelAt"/> starts, then resumes in a fresh runner; returns the stored trials.</summary>
    public static async Task<IReadOnlyList<TrialRecord>> RunInterruptedAndResume(
        ExperimentSpec spec, Func<IEvaluator> evaluator, Func<ISearchStrategyFactory> factory, int cancelAt, int length = 12)
    {
        using (var cancellation = new CancellationTokenSource())
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var observer = new RecordingObserver { OnTrialStarted = t => { if (t.Number == cancelAt) { cancellation.Cancel(); } } };
            var interrupted = await Runner(spec, store, evaluator(), factory(), length, observer).RunAsync(cancellation.Token);
            Assert.Equal(ExperimentStatus.Interrupted, interrupted.Status);
        }

        var warnings = new List<string>();
        using (var store = SqliteTrialStore.Open(spec.StorePath))
        {
            var resumed = await Runner(spec, store, evaluator(), factory(), length, new RecordingObserver { OnWarning = warnings.Add }).ResumeAsync();
            Assert.Equal(ExperimentStatus.Completed, resumed.Status);
            Assert.Empty(warnings);
            return store.GetTrials(resumed.ExperimentId);
        }
    }

    /// <summary>What must be equal between two runs that made the same choices.</summary>
    public static IReadOnlyList<string> Signature(IEnumerable<TrialRecord> trials) =>
        trials.OrderBy(t => t.Number)
            .Select(t => $"{t.Number} {t.Candidate.Json} {t.Fidelity} {t.State} {t.Feasible} {string.Join(",", t.Metrics.Select(m => $"{m.Key}={m.Value:R}"))} tell={t.TellSequence}")
            .ToList();
}
