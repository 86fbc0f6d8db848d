using System.Globalization;
using System.Text.RegularExpressions;
using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Plugins.Quantum.Evaluation;

/// <summary>
/// A fidelity of the variational evaluators: optimizer steps × restarts, named "s{steps}x{restarts}"
/// (for example "s300x2"). Its cost is steps·restarts relative to the largest fidelity offered.
/// </summary>
public static partial class TrainingFidelity
{
    /// <summary>The fidelities offered when the options list none.</summary>
    public static readonly IReadOnlyList<string> DefaultNames = ["s100x1", "s300x2", "s1000x8"];

    /// <summary>Parses "s300x2"; null when the text is not of that form.</summary>
    public static (int Steps, int Restarts)? TryParse(string name)
    {
        var match = NamePattern().Match(name ?? string.Empty);
        if (!match.Success)
        {
            return null;
        }

        if (!int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var steps)
            || !int.TryParse(match.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var restarts)
            || steps < 1 || restarts < 1)
        {
            return null;
        }

        return (steps, restarts);
    }

    /// <summary>Builds the fidelities, cheapest first, with costs relative to the largest.</summary>
    /// <exception cref="ArgumentException">A name is malformed or repeated.</exception>
    public static IReadOnlyList<Fidelity> Build(IEnumerable<string> names)
    {
        var parsed = new List<(string Name, int Steps, int Restarts)>();
        foreach (var name in names)
        {
            var value = TryParse(name) ?? throw new ArgumentException($"'{name}' is not a fidelity name; write s<steps>x<restarts> with positive integers, e.g. \"s300x2\".");
            if (parsed.Any(p => p.Name == name))
            {
                throw new ArgumentException($"Fidelity '{name}' is listed twice.");
            }

            parsed.Add((name, value.Steps, value.Restarts));
        }

        if (parsed.Count == 0)
        {
            throw new ArgumentException("List at least one fidelity, e.g. [\"s100x1\", \"s300x2\"].");
        }

        var max = parsed.Max(p => (double)p.Steps * p.Restarts);
        return parsed
            .OrderBy(p => (double)p.Steps * p.Restarts)
            .ThenBy(p => p.Steps)
            .Select(p => new Fidelity(p.Name, p.Steps * (double)p.Restarts / max, new Dictionary<string, double>
            {
                ["steps"] = p.Steps,
                ["restarts"] = p.Restarts,
            }))
            .ToList();
    }

    [GeneratedRegex(@"^s(\d{1,7})x(\d{1,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
