using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using Spectre.Console;

namespace NasPlatform.Cli.Display;

/// <summary>Shows a run as it goes; the kind depends on where the output goes.</summary>
internal abstract class RunDisplay : IRunObserver
{
    protected RunDisplay(ExperimentSpec spec, string? headline)
    {
        Spec = spec;
        Headline = headline;
    }

    protected ExperimentSpec Spec { get; }

    /// <summary>The evaluator's headline metric (<see cref="IEvaluator.HeadlineMetric"/>), shown beside the objectives; null: the first objective.</summary>
    protected string? Headline { get; }

    /// <summary>This session's rate and the ETA to the budget.</summary>
    protected RunPace Pace { get; } = new();

    public virtual void RunStarted(RunSummary summary)
    {
    }

    public virtual void TrialStarted(TrialRecord trial)
    {
    }

    public virtual void TrialProgress(int number, EvaluationProgress progress)
    {
    }

    public virtual void TrialFinished(TrialRecord trial, RunSummary summary)
    {
    }

    public virtual void CandidateRejected(CandidateRejection rejection)
    {
    }

    public virtual void StrategyStatus(string message)
    {
    }

    public virtual void Warning(string message) => Console.Error.WriteLine("warning: " + message);

    /// <summary>A live table on a terminal, a line per trial when piped, JSON lines with --json.</summary>
    /// <param name="spec">The experiment.</param>
    /// <param name="settings">The command's options (--json).</param>
    /// <param name="headline">The evaluator's headline metric; null: the first objective.</param>
    public static RunDisplay For(ExperimentSpec spec, NasSettings settings, string? headline)
    {
        if (settings.Json)
        {
            return new JsonRunDisplay(spec, headline);
        }

        var interactive = !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        return interactive ? new LiveRunDisplay(spec, headline) : new LineRunDisplay(spec, headline);
    }

    /// <summary>Runs <paramref name="run"/> while showing it, then shows the summary.</summary>
    public virtual async Task<RunSummary> ShowAsync(Func<Task<RunSummary>> run)
    {
        var summary = await run().ConfigureAwait(false);
        Finished(summary);
        return summary;
    }

    /// <summary>The closing words: counts, the best trial(s) and what to do next.</summary>
    protected abstract void Finished(RunSummary summary);
}
