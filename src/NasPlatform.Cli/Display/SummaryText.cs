using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>The closing summary of a run in plain text.</summary>
internal static class SummaryText
{
    private const int InlineArtifactBytes = 4096;

    // A short text artifact (a circuit in OpenQASM, a small config) is what the user wants to see
    // at the end of a run, so it is shown in place; anything larger or binary is only named.
    private static void WriteSmallText(TextWriter output, string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > InlineArtifactBytes || info.Extension is not (".qasm" or ".txt"))
        {
            return;
        }

        foreach (var line in File.ReadLines(path))
        {
            output.WriteLine("    " + line);
        }
    }

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
            var objectiveMetrics = spec.Objectives.Select(o => o.Metric).ToHashSet();
            var others = best.Metrics.Where(m => !objectiveMetrics.Contains(m.Key) && !best.FreeStatistics.ContainsKey(m.Key)).ToList();
            if (others.Count > 0)
            {
                output.WriteLine("  metrics: " + string.Join(" ", others.Select(m => $"{m.Key}={TrialText.Number(m.Value)}")));
            }

            if (best.FreeStatistics.Count > 0)
            {
                output.WriteLine("  free statistics: " + string.Join(" ", best.FreeStatistics.Select(s => $"{s.Key}={TrialText.Number(s.Value)}")));
            }

            foreach (var artifact in best.Artifacts)
            {
                output.WriteLine($"  artifact {artifact.Name}: {artifact.Path}");
                WriteSmallText(output, artifact.Path);
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
            output.WriteLine($"continue with: {spec.ResumeCommand}");
        }
    }
}
