using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>One line per finished trial, with the rate and ETA, and a line for each slow step the strategy reports: for logs, pipes and CI (no ANSI).</summary>
internal sealed class LineRunDisplay : RunDisplay
{
    private readonly Lock _gate = new();
    private string? _lastStatus;

    public LineRunDisplay(ExperimentSpec spec, string? headline)
        : base(spec, headline)
    {
    }

    public override void RunStarted(RunSummary summary)
    {
        lock (_gate)
        {
            var resumed = summary.TrialsFinished > 0 ? $", resuming after {summary.TrialsFinished} finished trials" : string.Empty;
            Console.Out.WriteLine($"experiment '{summary.ExperimentName}': {Spec.Plugin}/{Spec.SearchSpace.Name}, strategy {Spec.Strategy.Name}, {Spec.Workers} worker(s), seed {Spec.Seed}{resumed}");
        }
    }

    public override void TrialStarted(TrialRecord trial)
    {
        lock (_gate)
        {
            _lastStatus = null;
        }
    }

    public override void StrategyStatus(string message)
    {
        lock (_gate)
        {
            // A log gets each step once, not a line per repeat of the same words.
            if (message == _lastStatus)
            {
                return;
            }

            _lastStatus = message;
            Console.Out.WriteLine($"  strategy: {message}");
        }
    }

    public override void TrialFinished(TrialRecord trial, RunSummary summary)
    {
        Pace.TrialFinished();
        var best = summary.Best.Count == 0 ? "none yet"
            : summary.Best.Count == 1 ? $"trial {summary.Best[0].Number} {TrialText.WithHeadline(summary.Best[0], Spec, Headline)}"
            : $"{summary.Best.Count} trials on the Pareto front";
        var pace = Pace.Describe(summary);
        lock (_gate)
        {
            Console.Out.WriteLine($"[{TrialText.Budget(summary.TrialsFinished, summary.TrialBudget, summary.ElapsedSeconds, summary.SecondsBudget)}; {pace}] " +
                                  $"trial {trial.Number} {TrialText.State(trial.State)} {TrialText.Objectives(trial, Spec)} | best: {best}");
        }
    }

    protected override void Finished(RunSummary summary) => SummaryText.Write(Console.Out, summary, Spec, Headline);
}
