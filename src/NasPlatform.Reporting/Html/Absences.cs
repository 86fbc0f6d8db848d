namespace NasPlatform.Reporting.Html;

/// <summary>
/// Collects the report parts one experiment cannot show (no Pareto front with one objective, no proxy check, no
/// failure…), so the report says each once, for every experiment it concerns, instead of an empty section per
/// experiment.
/// </summary>
internal sealed class Absences(List<(string Part, string Reason, string Experiment)> all, string experiment)
{
    public void Add(string part, string reason) => all.Add((part, reason, experiment));
}
