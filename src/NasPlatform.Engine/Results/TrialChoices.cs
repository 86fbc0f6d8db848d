using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Engine.Results;

/// <summary>
/// The choices of an experiment's candidates as columns (issue 22: tables show the architecture, one column per
/// choice): the names in the space's order and each candidate's values, from the space's
/// <see cref="ISearchSpace.DescribeChoices"/>. When the space cannot be built here (its plugin is not installed, its
/// data are elsewhere) or refuses a stored candidate, the candidate's JSON leaves stand in
/// (<see cref="CandidateChoices.Flatten"/>) and <see cref="Problem"/> says why, so a table still shows something
/// true instead of failing.
/// </summary>
public sealed class TrialChoices
{
    private readonly Dictionary<Candidate, IReadOnlyDictionary<string, string>> _values;

    private TrialChoices(IReadOnlyList<string> names, Dictionary<Candidate, IReadOnlyDictionary<string, string>> values, string? problem)
    {
        Names = names;
        _values = values;
        Problem = problem;
    }

    /// <summary>The choice names: the union over the candidates, in the order they first appear.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Why some or all values come from the candidate JSON rather than the space; null when none do.</summary>
    public string? Problem { get; }

    /// <summary>No choices at all (no candidates).</summary>
    public static TrialChoices Empty { get; } = new([], [], null);

    /// <summary>Describes <paramref name="candidates"/> with the experiment's space, built from <paramref name="plugins"/> when first needed.</summary>
    public static TrialChoices Of(ExperimentSpec spec, IEnumerable<Candidate> candidates, Func<PluginCatalog> plugins)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(plugins);
        var distinct = candidates.Distinct().ToList();
        if (distinct.Count == 0)
        {
            return Empty;
        }

        var (space, problem) = SpaceOf(spec, plugins);
        return Of(space, distinct, problem);
    }

    /// <summary>The experiment's space, or why it cannot be built here (for a caller that keeps the space between tables).</summary>
    public static (ISearchSpace? Space, string? Problem) SpaceOf(ExperimentSpec spec, Func<PluginCatalog> plugins)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(plugins);
        try
        {
            return (ComponentResolver.CreateSearchSpace(spec, plugins()), null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return (null, $"the search space '{spec.SearchSpace.Name}' of plugin '{spec.Plugin}' could not be built here ({FirstLine(e.Message)}); choices are the candidates' JSON fields");
        }
    }

    /// <summary>Describes <paramref name="candidates"/> with <paramref name="space"/>, or from their JSON when it is null.</summary>
    public static TrialChoices Of(ISearchSpace? space, IEnumerable<Candidate> candidates, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var names = new List<string>();
        var known = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<Candidate, IReadOnlyDictionary<string, string>>();
        var refused = 0;
        foreach (var candidate in candidates)
        {
            if (values.ContainsKey(candidate))
            {
                continue;
            }

            var described = Describe(space, candidate, ref refused);
            names.AddRange(described.Select(p => p.Key).Where(known.Add));
            values[candidate] = described.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        }

        if (refused > 0 && problem is null)
        {
            problem = $"the search space refused {refused} stored candidate(s) (its options changed?); their choices are their JSON fields";
        }

        return new TrialChoices(names, values, problem);
    }

    /// <summary>The candidate's value of choice <paramref name="name"/>; empty when it has none.</summary>
    public string ValueOf(Candidate candidate, string name)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return _values.TryGetValue(candidate, out var values) && values.TryGetValue(name, out var value) ? value : string.Empty;
    }

    /// <summary>The candidate's values in <see cref="Names"/> order.</summary>
    public IReadOnlyList<string> ValuesOf(Candidate candidate) => [.. Names.Select(n => ValueOf(candidate, n))];

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');

    private static IReadOnlyList<KeyValuePair<string, string>> Describe(ISearchSpace? space, Candidate candidate, ref int refused)
    {
        if (space is not null)
        {
            try
            {
                return space.DescribeChoices(candidate);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or Newtonsoft.Json.JsonException)
            {
                refused++;
            }
        }

        return CandidateChoices.Flatten(candidate);
    }
}
