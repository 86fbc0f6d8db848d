using NasPlatform.Abstractions;
using NasPlatform.Search.Constraints;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Experiments;

/// <summary>
/// Reads experiment files (schemas/experiment.schema.json) into <see cref="ExperimentSpec"/>.
/// Every problem is reported at once, each as "file:line:col: $.path: what was expected".
/// Whether the named plugin, space and evaluator exist is checked later, against loaded plugins.
/// </summary>
public static class ExperimentFile
{
    /// <summary>Strategy used when the file names none.</summary>
    public const string DefaultStrategy = "random";

    /// <summary>The experiment schema, as embedded from schemas/experiment.schema.json.</summary>
    public static NJsonSchema.JsonSchema Schema => EmbeddedSchemas.Get(EmbeddedSchemas.Experiment);

    /// <summary>Reads, parses and validates <paramref name="path"/>.</summary>
    /// <exception cref="NasConfigurationException">The file is missing, not JSON, or breaks the schema; the message lists every problem.</exception>
    public static ExperimentSpec Load(string path)
    {
        var check = Check(path);
        return check.IsValid ? check.Spec! : throw new NasConfigurationException(string.Join(Environment.NewLine, check.FormattedProblems));
    }

    /// <summary>Like <see cref="Load"/>, but returns the problems instead of throwing.</summary>
    public static ExperimentFileCheck Check(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return Failed(path, "is a directory; give the path of an experiment file (.json)");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Failed(path, $"experiment file not found (looked for {Path.GetFullPath(path)})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, $"cannot read the experiment file: {e.Message}");
        }

        if (!Utf8Text.TryDecode(bytes, out var text, out var encoding))
        {
            return new ExperimentFileCheck(path, null, [encoding!]);
        }

        var fullPath = Path.GetFullPath(path);
        return CheckText(text, path, Path.GetDirectoryName(fullPath)!, fullPath);
    }

    /// <summary>
    /// Re-creates a spec from the document kept in a store, so an experiment resumes without its file.
    /// Relative paths resolve against <paramref name="baseDirectory"/> (the original file's directory).
    /// </summary>
    /// <param name="document">The experiment JSON, as stored from <see cref="ExperimentSpec.Document"/>.</param>
    /// <param name="baseDirectory">The directory the experiment file was in (<see cref="ExperimentSpec.BaseDirectory"/>).</param>
    /// <param name="origin">Names the document in messages, e.g. "runs.db (experiment demo)".</param>
    /// <exception cref="NasConfigurationException">The document breaks the schema.</exception>
    public static ExperimentSpec FromDocument(JObject document, string baseDirectory, string origin)
    {
        ArgumentNullException.ThrowIfNull(document);
        return FromDocument(document.ToString(Formatting.None), baseDirectory, origin);
    }

    /// <summary>Like <see cref="FromDocument(JObject, string, string)"/>, from the stored JSON text.</summary>
    /// <exception cref="NasConfigurationException">The text is not JSON or breaks the schema.</exception>
    public static ExperimentSpec FromDocument(string documentJson, string baseDirectory, string origin)
    {
        ArgumentNullException.ThrowIfNull(documentJson);
        ArgumentException.ThrowIfNullOrEmpty(baseDirectory);

        // Line numbers of the stored text would point nowhere a user can look, so problems carry paths
        // only; dates stay strings, as when the file was first read.
        using var reader = new JsonTextReader(new StringReader(documentJson)) { DateParseHandling = DateParseHandling.None };
        JObject copy;
        try
        {
            copy = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore });
        }
        catch (JsonReaderException e)
        {
            throw new NasConfigurationException($"{origin}: the stored experiment is not a JSON object: {e.Message}", e);
        }

        var check = CheckDocument(copy, origin, Path.GetFullPath(baseDirectory), sourceFile: null);
        return check.IsValid ? check.Spec! : throw new NasConfigurationException(string.Join(Environment.NewLine, check.FormattedProblems));
    }

    /// <summary>Checks experiment JSON held in memory; <paramref name="origin"/> names it in problems.</summary>
    public static ExperimentFileCheck CheckText(string json, string origin, string baseDirectory, string? sourceFile = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!JsonSource.TryParse(json, out var token, out var syntax))
        {
            return new ExperimentFileCheck(origin, null, [syntax!]);
        }

        if (token is not JObject document)
        {
            var position = SourcePosition.Of(token);
            return new ExperimentFileCheck(origin, null, [new SchemaProblem("$", position?.Line, position?.Column, $"expected an object with the experiment's settings, found {Describe(token!)}")]);
        }

        return CheckDocument(document, origin, Path.GetFullPath(baseDirectory), sourceFile);
    }

    private static ExperimentFileCheck CheckDocument(JObject document, string origin, string baseDirectory, string? sourceFile)
    {
        var problems = SchemaValidator.Validate(document, Schema);
        if (problems.Count > 0)
        {
            return new ExperimentFileCheck(origin, null, problems);
        }

        var semantic = new List<SchemaProblem>();
        var spec = Build(document, baseDirectory, sourceFile, semantic);
        return semantic.Count > 0 ? new ExperimentFileCheck(origin, null, semantic) : new ExperimentFileCheck(origin, spec, []);
    }

    // The schema has passed, so every required value is present and of the right type.
    private static ExperimentSpec Build(JObject document, string baseDirectory, string? sourceFile, List<SchemaProblem> problems)
    {
        var name = (string)document["name"]!;
        var objectives = ReadObjectives((JArray)document["objectives"]!, problems);
        var constraints = ReadConstraints(document["constraints"] as JArray, problems);
        var storePath = Path.GetFullPath(Path.Combine(baseDirectory, (string?)document["store"] ?? name + ".db"));
        if (Directory.Exists(storePath))
        {
            problems.Add(At(document["store"] ?? document, "names a directory; give the path of the store file, e.g. \"" + name + ".db\""));
        }

        var budget = (JObject)document["budget"]!;
        return new ExperimentSpec
        {
            Name = name,
            Description = (string?)document["description"],
            Plugin = (string)document["plugin"]!,
            SearchSpace = ReadComponent((JObject)document["searchSpace"]!),
            Evaluator = ReadComponent((JObject)document["evaluator"]!),
            Strategy = document["strategy"] is JObject strategy ? ReadComponent(strategy) : new ComponentSpec(DefaultStrategy, new JObject()),
            Objectives = objectives,
            ObjectiveReferences = ReadReferences((JArray)document["objectives"]!),
            Constraints = constraints,
            Budget = new BudgetSpec((int?)budget["trials"], (double?)budget["seconds"], (double?)budget["cost"]),
            Fidelity = (string?)document["fidelity"],
            Workers = (int?)document["workers"] ?? 1,
            Seed = (int)document["seed"]!,
            TrialTimeoutSeconds = (double?)document["trialTimeoutSeconds"],
            Pruner = ReadPruner(document["pruner"] as JObject, objectives, problems),
            StorePath = storePath,
            BaseDirectory = baseDirectory,
            SourceFile = sourceFile,
            Document = document,
        };
    }

    // Options stay the node inside the document, so a component's own schema problems carry the
    // file's line numbers and full JSON path ("$.searchSpace.options.table").
    private static ComponentSpec ReadComponent(JObject component) =>
        new((string)component["name"]!, component["options"] as JObject ?? new JObject());

    private static List<Objective> ReadObjectives(JArray array, List<SchemaProblem> problems)
    {
        var objectives = new List<Objective>();
        foreach (var item in array.Cast<JObject>())
        {
            var metric = (string)item["metric"]!;
            var direction = (string)item["direction"]! == "maximize" ? Direction.Maximize : Direction.Minimize;
            if (objectives.Any(o => o.Metric == metric))
            {
                problems.Add(At(item["metric"]!, $"metric '{metric}' is already an objective; list each metric once"));
                continue;
            }

            objectives.Add(new Objective(metric, direction));
        }

        return objectives;
    }

    private static PrunerSpec? ReadPruner(JObject? pruner, List<Objective> objectives, List<SchemaProblem> problems)
    {
        if (pruner is null)
        {
            return null;
        }

        var name = (string)pruner["name"]!;
        if (!PrunerSpec.Known.Contains(name, StringComparer.Ordinal))
        {
            var nearest = NearestName.Find(name, PrunerSpec.Known, n => [n]);
            problems.Add(At(pruner["name"]!, $"unknown pruner '{name}'; {(nearest is null ? string.Empty : $"did you mean '{nearest}'? ")}known pruners: {string.Join(", ", PrunerSpec.Known)}"));
            return null;
        }

        if (name == PrunerSpec.None || objectives.Count == 0)
        {
            return null;
        }

        var metric = (string?)pruner["metric"] ?? objectives[0].Metric;
        if (!objectives.Any(o => o.Metric == metric))
        {
            var names = objectives.Select(o => o.Metric).ToList();
            var nearest = NearestName.Find(metric, names, n => [n]);
            problems.Add(At(pruner["metric"]!, $"pruner metric '{metric}' is not an objective; {(nearest is null ? string.Empty : $"did you mean '{nearest}'? ")}the pruner compares an objective's intermediate values, and the objectives are {string.Join(", ", names)}"));
            return null;
        }

        return new PrunerSpec(name, metric, (int?)pruner["startupTrials"] ?? 5, (int?)pruner["warmupSteps"] ?? 0, (int?)pruner["interval"] ?? 1);
    }

    private static Dictionary<string, double> ReadReferences(JArray objectives) =>
        objectives.Cast<JObject>()
            .Where(o => o["reference"] is not null)
            .GroupBy(o => (string)o["metric"]!)
            .ToDictionary(g => g.Key, g => (double)g.First()["reference"]!, StringComparer.Ordinal);

    private static List<Constraint> ReadConstraints(JArray? array, List<SchemaProblem> problems)
    {
        var constraints = new List<Constraint>();
        foreach (var item in array ?? [])
        {
            // The schema's pattern is Constraint.Grammar, so this fails only if the two drift apart.
            if (Constraint.TryParse((string)item!, out var constraint))
            {
                constraints.Add(constraint!);
            }
            else
            {
                problems.Add(At(item, "expected a constraint such as \"params <= 5e6\""));
            }
        }

        return constraints;
    }

    private static SchemaProblem At(JToken token, string message)
    {
        var position = SourcePosition.Of(token);
        return new SchemaProblem(JsonPaths.Of(token), position?.Line, position?.Column, message);
    }

    private static string Describe(JToken token) => token.Type switch
    {
        JTokenType.Array => "an array",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static ExperimentFileCheck Failed(string path, string message) =>
        new(path, null, [new SchemaProblem(string.Empty, null, null, message)]);
}
