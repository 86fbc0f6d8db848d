using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>
/// The closing summary of a run in plain text: short enough to stay on one screen. Artifacts are named by
/// path, never printed (a trained circuit's OpenQASM runs to a hundred lines and pushed the summary off the
/// screen), and the last lines say which commands look further.
/// </summary>
internal static class SummaryText
{
    // Longer candidates (a deep circuit's gate list) are cut: the whole one is in `nas status --json` and `nas export`.
    private const int CandidateChars = 240;

    // A wide Pareto front would push the rest off the screen; the best of the primary objective come first.
    private const int FrontShown = 5;

    /// <summary>Writes the summary; <paramref name="headline"/> is the evaluator's headline metric (null: the first objective).</summary>
    public static void Write(TextWriter output, RunSummary summary, ExperimentSpec spec, string? headline = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(spec);
        output.WriteLine();
        output.WriteLine($"experiment '{summary.ExperimentName}' {summary.Status.ToString().ToLowerInvariant()}: " +
                         $"{summary.Completed} completed, {summary.Failed} failed, {summary.Pruned} pruned, {summary.Infeasible} infeasible; " +
                         $"{summary.RejectedCandidates} candidates rejected before evaluation; {summary.ElapsedSeconds:0.0} s");
        if (summary.Best.Count == 0)
        {
            output.WriteLine("no usable trial yet");
        }

        foreach (var best in summary.Best.Take(FrontShown))
        {
            WriteBest(output, best, spec, headline);
        }

        if (summary.Best.Count > FrontShown)
        {
            output.WriteLine($"... and {summary.Best.Count - FrontShown} more trials on the Pareto front: `nas status {FollowUpText.Target(spec)}` lists them all");
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

        FollowUpText.Write(output, spec);
    }

    private static void WriteBest(TextWriter output, TrialRecord best, ExperimentSpec spec, string? headline)
    {
        output.WriteLine($"best: trial {best.Number} {TrialText.WithHeadline(best, spec, headline)}");
        var candidate = best.Candidate.Json;
        output.WriteLine("  candidate: " + (candidate.Length <= CandidateChars
            ? candidate
            : $"{candidate[..CandidateChars]}... ({candidate.Length} characters; all of it in `nas status {FollowUpText.Target(spec)} --json`)"));
        var shown = spec.Objectives.Select(o => o.Metric).Append(headline ?? string.Empty).ToHashSet();
        var others = best.Metrics.Where(m => !shown.Contains(m.Key) && !best.FreeStatistics.ContainsKey(m.Key)).ToList();
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
        }
    }
}
