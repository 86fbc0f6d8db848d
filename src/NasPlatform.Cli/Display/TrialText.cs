using System.Globalization;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Display;

/// <summary>How trials read in plain text, shared by every display and `nas status`.</summary>
internal static class TrialText
{
    public static string Number(double value) =>
        double.IsNaN(value) ? "-"
        : Math.Abs(value) is >= 1e6 or (< 1e-3 and > 0) ? value.ToString("0.###e+0", CultureInfo.InvariantCulture)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    public static string State(TrialState state) => state.ToString().ToLowerInvariant();

    /// <summary>"accuracy=94.37" for each objective (the error for a failed trial).</summary>
    public static string Objectives(TrialRecord trial, ExperimentSpec spec)
    {
        if (trial.State == TrialState.Failed)
        {
            return "error: " + FirstLine(trial.Error);
        }

        var parts = spec.Objectives.Select(o => $"{o.Metric}={(trial.Metrics.TryGetValue(o.Metric, out var v) ? Number(v) : "-")}");
        var text = string.Join(" ", parts);
        return trial.Feasible ? text : text + " (infeasible)";
    }

    /// <summary>
    /// "energy_error=0.0012": the domain's headline metric (<see cref="Abstractions.Evaluation.IEvaluator.HeadlineMetric"/>)
    /// where it is not already an objective; empty when it is, or when the trial did not report it.
    /// </summary>
    public static string Headline(TrialRecord trial, ExperimentSpec spec, string? headline)
    {
        ArgumentNullException.ThrowIfNull(trial);
        ArgumentNullException.ThrowIfNull(spec);
        return headline is null || spec.Objectives.Any(o => o.Metric == headline) || !trial.Metrics.TryGetValue(headline, out var value)
            ? string.Empty
            : $"{headline}={Number(value)}";
    }

    /// <summary>The objectives and, after a semicolon, the headline metric where it is another: what a best line shows.</summary>
    public static string WithHeadline(TrialRecord trial, ExperimentSpec spec, string? headline)
    {
        var objectives = Objectives(trial, spec);
        var extra = trial.State == TrialState.Failed ? string.Empty : Headline(trial, spec, headline);
        return extra.Length == 0 ? objectives : $"{objectives}; {extra}";
    }

    public static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var line = text.Split('\n', 2)[0].TrimEnd();
        return line.Length > 160 ? line[..157] + "..." : line;
    }

    public static string Budget(int finished, int? trials, double elapsed, double? seconds)
    {
        var parts = new List<string> { trials is { } t ? $"{finished}/{t} trials" : $"{finished} trials" };
        parts.Add(seconds is { } s ? $"{elapsed:0}/{s:0} s" : $"{elapsed:0} s");
        return string.Join(", ", parts);
    }
}
