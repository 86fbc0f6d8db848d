using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>One line per finished trial: for logs, pipes and CI.</summary>
internal sealed class LineRunDisplay : RunDisplay
{
    private readonly Lock _gate = new();

    public LineRunDisplay(ExperimentSpec spec)
        : base(spec)
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

    public override void TrialFinished(TrialRecord trial, RunSummary summary)
    {
        var best = summary.Best.Count == 0 ? "none yet"
            : summary.Best.Count == 1 ? $"trial {summary.Best[0].Number} {TrialText.Objectives(summary.Best[0], Spec)}"
            : $"{summary.Best.Count} trials on the Pareto front";
        lock (_gate)
        {
            Console.Out.WriteLine($"[{TrialText.Budget(summary.TrialsFinished, summary.TrialBudget, summary.ElapsedSeconds, summary.SecondsBudget)}] " +
                                  $"trial {trial.Number} {TrialText.State(trial.State)} {TrialText.Objectives(trial, Spec)} | best: {best}");
        }
    }

    protected override void Finished(RunSummary summary) => SummaryText.Write(Console.Out, summary, Spec);
}
