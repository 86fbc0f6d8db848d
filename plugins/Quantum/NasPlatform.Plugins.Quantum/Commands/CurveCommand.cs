using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Commands;

/// <summary>
/// `nas quantum curve FILE`: a bond-dissociation curve (<see cref="DissociationCurve"/>). Prints a table per bond
/// length (HF, FCI, VQE, error, CNOTs, evaluations with transfer and from scratch) and writes the chart as SVG.
/// </summary>
internal static class CurveCommand
{
    private static readonly string[] Keys = ["$schema", "description", "molecule", "bondLengths", "pool", "fidelity", "chemicalAccuracy", "gradientThreshold", "maxOperators", "seed"];

    public static PluginCommand Declaration { get; } = new(
        "quantum",
        "curve",
        "Bond-dissociation curve: psi4 (cached), HF and FCI at each bond length, and ADAPT-VQE with transfer from the neighbouring geometry.",
        [new("FILE", "The curve file (.json): molecule with {r} in its geometry, bondLengths, pool, fidelity.")],
        [
            new("svg", "PATH", "Where to write the chart. Default: FILE with -curve.svg for .json."),
            new("json", null, "Print the points as JSON instead of the table."),
        ],
        ["quantum curve examples/quantum/h2-curve.json", "quantum curve examples/quantum/lih-curve.json --svg lih.svg"],
        Run);

    private static Task<int> Run(PluginCommandInvocation command, CancellationToken cancellationToken)
    {
        var path = command.Arguments[0];
        var options = Read(path);
        var context = new ComponentContext(Path.GetDirectoryName(Path.GetFullPath(path))!, AppContext.BaseDirectory, 0);
        var json = command.Has("json");
        if (!json)
        {
            command.Output.WriteLine($"{Path.GetFileName(path)}: {options.BondLengths.Count} bond lengths, {options.Pool} pool, ADAPT-VQE to {options.ChemicalAccuracy * 1000:0.0##} mHa, {options.Fidelity}");
            command.Output.WriteLine("   r (Å)        HF (Ha)       FCI (Ha)       VQE (Ha)   error (Ha)  CNOTs  ops  evals  scratch evals  saved  wall (s)");
        }

        IReadOnlyList<CurvePoint> points;
        try
        {
            points = DissociationCurve.Run(options, context, json ? null : p => command.Output.WriteLine(Row(p)), cancellationToken);
        }
        catch (ComponentConfigurationException e)
        {
            throw new NasConfigurationException($"{path}: {e.Message}", e);
        }

        var svgPath = command.Value("svg") ?? Path.ChangeExtension(path, null) + "-curve.svg";
        File.WriteAllText(svgPath, CurveChart.Svg($"{options.Molecule.Geometry.Replace(CurveOptions.Placeholder, "r", StringComparison.Ordinal)}, {options.Molecule.Basis}: HF, FCI and ADAPT-VQE ({options.Pool})", points, options.ChemicalAccuracy));
        if (json)
        {
            command.Output.WriteLine(JsonConvert.SerializeObject(new { file = path, svg = svgPath, points }, Formatting.Indented));
        }
        else
        {
            var saved = points.Where(p => p.Transferred).Sum(p => p.EvaluationsSaved);
            var scratch = points.Where(p => p.Transferred).Sum(p => p.ScratchEvaluations);
            command.Output.WriteLine(Invariant($"within {options.ChemicalAccuracy * 1000:0.0##} mHa: {points.Count(p => p.Error <= options.ChemicalAccuracy)} of {points.Count}; transfer saved {saved} of {scratch} evaluations at the {points.Count(p => p.Transferred)} later bond lengths; chart: {svgPath}"));
        }

        return Task.FromResult(0);
    }

    private static string Row(CurvePoint p) => Invariant(
        $"{p.BondLength,8:0.000} {p.HartreeFock,14:0.000000} {p.Fci,14:0.000000} {p.Vqe,14:0.000000} {p.Error,12:0.0e+0} {p.Cnots,6} {p.Operators.Count,4} {p.Evaluations,6} {p.ScratchEvaluations,14} {(p.Transferred ? p.EvaluationsSaved.ToString(CultureInfo.InvariantCulture) : "-"),6} {p.Seconds,9:0.0}");

    /// <summary>Reads and checks the curve file; every problem names the file and the fix.</summary>
    internal static CurveOptions Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new NasConfigurationException($"{path}: no such file; give the path of a curve file (see examples/quantum/lih-curve.json).");
        }

        JObject json;
        try
        {
            json = JObject.Parse(File.ReadAllText(path));
        }
        catch (JsonReaderException e)
        {
            throw new NasConfigurationException($"{path}: not a JSON object ({e.Message}).", e);
        }

        foreach (var key in json.Properties().Select(p => p.Name).Where(k => !Keys.Contains(k)))
        {
            var near = Keys.MinBy(k => Distance(k.ToLowerInvariant(), key.ToLowerInvariant()))!;
            var hint = Distance(near.ToLowerInvariant(), key.ToLowerInvariant()) <= 3 ? $" (did you mean \"{near}\"?)" : string.Empty;
            throw new NasConfigurationException($"{path}: unknown key \"{key}\"{hint}; the keys are {string.Join(", ", Keys.Skip(1))}.");
        }

        json.Remove("$schema");
        json.Remove("description");
        var options = ComponentOptions.Bind<CurveOptions>(json.ToString(Formatting.None));
        if (!options.Molecule.Geometry.Contains(CurveOptions.Placeholder, StringComparison.Ordinal))
        {
            throw new NasConfigurationException($"{path}: molecule.geometry \"{options.Molecule.Geometry}\" has no {CurveOptions.Placeholder}; write {CurveOptions.Placeholder} where the bond length goes, e.g. \"Li 0 0 0; H 0 0 {CurveOptions.Placeholder}\".");
        }

        if (options.BondLengths.FirstOrDefault(r => !(r > 0 && r < 20)) is var bad && options.BondLengths.Any(r => !(r > 0 && r < 20)))
        {
            throw new NasConfigurationException(Invariant($"{path}: bondLengths holds {bad}; give bond lengths in angstrom between 0 and 20."));
        }

        return options;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var (diagonal, row0) = (row[0], i);
            row[0] = row0;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
