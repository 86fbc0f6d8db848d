using NasPlatform.Abstractions;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Cli.Display;

/// <summary>What a trial table column shows: a metric, a free statistic or a choice of the candidate.</summary>
internal enum TrialColumnKind
{
    Metric,
    Statistic,
    Choice,
}

/// <summary>One metric, free statistic or choice column of a trial table.</summary>
/// <param name="Kind">What it shows.</param>
/// <param name="Name">The metric's, statistic's or choice's name.</param>
internal sealed record TrialColumn(TrialColumnKind Kind, string Name)
{
    /// <summary>The prefix `nas export` writes in its CSV header and <c>--columns</c> accepts.</summary>
    public string Prefix => Kind switch
    {
        TrialColumnKind.Metric => "metric.",
        TrialColumnKind.Statistic => "stat.",
        _ => "choice.",
    };
}

/// <summary>
/// The columns <c>--columns</c> picks: a comma-separated list of metric, free statistic and choice names, each bare
/// (<c>accuracy</c>, <c>edge_1_0</c>; a metric wins over a statistic, a statistic over a choice) or with the
/// prefix of the CSV header (<c>metric.params</c>, <c>stat.params</c>, <c>choice.edge_1_0</c>). A name that is
/// none of them is bad input that names the nearest valid one.
/// </summary>
internal static class TrialColumns
{
    public static IReadOnlyList<TrialColumn> Pick(string list, IReadOnlyList<string> metrics, IReadOnlyList<string> statistics, IReadOnlyList<string> choices)
    {
        ArgumentNullException.ThrowIfNull(list);
        var all = metrics.Select(m => new TrialColumn(TrialColumnKind.Metric, m))
            .Concat(statistics.Select(s => new TrialColumn(TrialColumnKind.Statistic, s)))
            .Concat(choices.Select(c => new TrialColumn(TrialColumnKind.Choice, c)))
            .ToList();
        var picked = new List<TrialColumn>();
        foreach (var typed in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var column = all.FirstOrDefault(c => c.Prefix + c.Name == typed) ?? all.FirstOrDefault(c => c.Name == typed)
                ?? throw new NasConfigurationException(Unknown(typed, all));
            if (!picked.Contains(column))
            {
                picked.Add(column);
            }
        }

        return picked.Count > 0 ? picked
            : throw new NasConfigurationException("--columns names no column; give a comma-separated list such as --columns accuracy,edge_1_0.");
    }

    private static string Unknown(string typed, IReadOnlyList<TrialColumn> all)
    {
        var nearest = NearestName.Find(typed, all, c => [c.Name, c.Prefix + c.Name]);
        var hint = nearest is null ? string.Empty : $"; did you mean {nearest.Name}?";
        var known = string.Join("; ", Enum.GetValues<TrialColumnKind>()
            .Select(k => (Kind: k, Names: all.Where(c => c.Kind == k).Select(c => c.Name).ToList()))
            .Where(g => g.Names.Count > 0)
            .Select(g => $"{Plural(g.Kind)}: {string.Join(", ", g.Names.Take(12))}{(g.Names.Count > 12 ? ", ..." : string.Empty)}"));
        return $"--columns: '{typed}' is no metric, free statistic or choice of this experiment{hint} ({(known.Length == 0 ? "it has no trials yet" : known)}).";
    }

    private static string Plural(TrialColumnKind kind) => kind switch
    {
        TrialColumnKind.Metric => "metrics",
        TrialColumnKind.Statistic => "statistics",
        _ => "choices",
    };
}
