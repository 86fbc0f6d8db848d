using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Experiments;

/// <summary>
/// How an experiment file differs from the spec its store holds, split into what can apply to a started
/// experiment (budget, workers, trial timeout, description: they change how long and how wide it runs, not
/// what it searches) and what cannot (space, evaluator, objectives, constraints, strategy, seed, fidelity,
/// plugin: the stored trials were made under them, so resuming under others would mix two experiments).
/// Defaults the schema fills in (an omitted strategy, options or worker count) count as written out, so
/// spelling a default explicitly is no change. The name and the store are what located the experiment, and
/// <c>$schema</c> is only an editor hint: neither is compared. Objectives and constraints judge results, so
/// while no trial has finished (none was judged: the first result showed a misspelt metric, say) they may change too.
/// </summary>
public sealed class SpecDrift
{
    private static readonly HashSet<string> Amendable = ["budget", "workers", "trialTimeoutSeconds", "description"];
    private static readonly HashSet<string> AmendableUnjudged = [.. Amendable, "objectives", "constraints"];
    private static readonly HashSet<string> Ignored = ["$schema", "name", "store"];

    private SpecDrift(IReadOnlyList<SpecChange> fixedChanges, IReadOnlyList<SpecChange> amendments)
    {
        FixedChanges = fixedChanges;
        Amendments = amendments;
    }

    /// <summary>Changes that cannot apply to a started experiment.</summary>
    public IReadOnlyList<SpecChange> FixedChanges { get; }

    /// <summary>Changes that can apply (budget, workers, trial timeout, description).</summary>
    public IReadOnlyList<SpecChange> Amendments { get; }

    /// <summary>True when the file says what the store says.</summary>
    public bool IsEmpty => FixedChanges.Count == 0 && Amendments.Count == 0;

    /// <summary>Compares the stored spec document with the file's.</summary>
    /// <param name="stored">The spec the store holds.</param>
    /// <param name="given">The file's spec.</param>
    /// <param name="anyTrialFinished">Whether a trial of the experiment has finished; while none has, objectives and constraints may change.</param>
    public static SpecDrift Between(JObject stored, JObject given, bool anyTrialFinished = true)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(given);
        var changes = new List<SpecChange>();
        Compare(Normalized(stored), Normalized(given), "$", changes);
        var amendable = anyTrialFinished ? Amendable : AmendableUnjudged;
        var fixedChanges = changes.Where(c => !amendable.Contains(TopLevel(c.Path))).ToList();
        var amendments = changes.Where(c => amendable.Contains(TopLevel(c.Path))).ToList();
        return new SpecDrift(fixedChanges, amendments);
    }

    /// <summary>The stored document with the file's amendable settings (and nothing else) applied.</summary>
    /// <param name="stored">The spec the store holds.</param>
    /// <param name="given">The file's spec.</param>
    /// <param name="anyTrialFinished">As for <see cref="Between"/>: while no trial has finished, objectives and constraints are taken too.</param>
    public static JObject Amend(JObject stored, JObject given, bool anyTrialFinished = true)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(given);
        var amended = (JObject)stored.DeepClone();
        foreach (var key in anyTrialFinished ? Amendable : AmendableUnjudged)
        {
            if (given[key] is { } value)
            {
                amended[key] = value.DeepClone();
            }
            else
            {
                amended.Remove(key);
            }
        }

        return amended;
    }

    private static JObject Normalized(JObject document)
    {
        var copy = (JObject)document.DeepClone();
        foreach (var key in Ignored)
        {
            copy.Remove(key);
        }

        copy["strategy"] ??= new JObject { ["name"] = ExperimentFile.DefaultStrategy };
        copy["workers"] ??= 1;
        copy["constraints"] ??= new JArray();
        foreach (var component in new[] { "searchSpace", "evaluator", "strategy" })
        {
            if (copy[component] is JObject spec)
            {
                spec["options"] ??= new JObject();
            }
        }

        return copy;
    }

    private static void Compare(JToken? stored, JToken? given, string path, List<SpecChange> changes)
    {
        if (stored is JObject a && given is JObject b)
        {
            foreach (var key in a.Properties().Select(p => p.Name).Union(b.Properties().Select(p => p.Name)).Order(StringComparer.Ordinal))
            {
                Compare(a[key], b[key], $"{path}.{key}", changes);
            }
        }
        else if (stored is JArray x && given is JArray y && x.Count == y.Count)
        {
            for (var i = 0; i < x.Count; i++)
            {
                Compare(x[i], y[i], $"{path}[{i}]", changes);
            }
        }
        else if (!JToken.DeepEquals(stored, given) && !SameNumber(stored, given))
        {
            changes.Add(new SpecChange(path, stored, given));
        }
    }

    // 100 and 100.0 are one budget.
    private static bool SameNumber(JToken? a, JToken? b) =>
        a is JValue { Type: JTokenType.Integer or JTokenType.Float } x && b is JValue { Type: JTokenType.Integer or JTokenType.Float } y
        && Convert.ToDouble(x.Value, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(y.Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string TopLevel(string path)
    {
        var rest = path[2..];
        var end = rest.IndexOfAny(['.', '[']);
        return end < 0 ? rest : rest[..end];
    }
}
