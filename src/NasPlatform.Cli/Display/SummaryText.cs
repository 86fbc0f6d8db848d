using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>The closing summary of a run in plain text.</summary>
internal static class SummaryText
{
    public static void Write(TextWriter output, RunSummary summary, ExperimentSpec spec)
    {
        output.WriteLine();
        output.WriteLine($"experiment '{summary.ExperimentName}' {summary.Status.ToString().ToLowerInvariant()}: " +
                         $"{summary.Completed} completed, {summary.Failed} failed, {summary.Pruned} pruned, {summary.Infeasible} infeasible; " +
                         $"{summary.RejectedCandidates} candidates rejected before evaluation; {summary.ElapsedSeconds:0.0} s");
        if (summary.Best.Count == 0)
        {
            output.WriteLine("no usable trial yet");
        }

        foreach (var best in summary.Best)
        {
            output.WriteLine($"best: trial {best.Number} {TrialText.Objectives(best, spec)}");
            output.WriteLine($"  candidate: {best.Candidate.Json}");
            if (best.FreeStatistics.Count > 0)
            {
                output.WriteLine("  free statistics: " + string.Join(" ", best.FreeStatistics.Select(s => $"{s.Key}={TrialText.Number(s.Value)}")));
            }

            foreach (var artifact in best.Artifacts)
            {
                output.WriteLine($"  artifact {artifact.Name}: {artifact.Path}");
            }
        }

        if (summary.CostBudget is { } budget)
        {
            output.WriteLine($"cost spent: {TrialText.Number(summary.CostSpent)} / {TrialText.Number(budget)}");
        }

        if (summary.Hypervolume is { } hypervolume)
        {
            output.WriteLine($"Pareto front: {hypervolume.FrontSize} trials, hypervolume {TrialText.Number(hypervolume.Value)}" +
                             $" (reference {string.Join(", ", hypervolume.Reference.Select(r => $"{r.Key}={TrialText.Number(r.Value)}"))}{(hypervolume.Derived ? ", derived from the front" : string.Empty)})");
        }

        if (summary.Status == ExperimentStatus.Interrupted)
        {
            output.WriteLine($"continue with: nas resume {spec.SourceFile ?? spec.StorePath}");
        }
    }
}
