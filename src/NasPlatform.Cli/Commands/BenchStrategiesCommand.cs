using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using McMaster.NETCore.Plugins;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Benchmarks;
using NasPlatform.Engine.Constraints;
using NasPlatform.Engine.Schemas;
using NasPlatform.Engine.Strategies;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// <c>nas bench strategies FILE --runs R --budget Q --strategies a,b</c>: runs each strategy R times
/// with Q queries on the experiment file's space and evaluator (in process, no store) and prints
/// the mean ± std of the best objective value; for random search also the exact expected best of
/// Q uniform draws from the lookup table, when the evaluator has one.
/// </summary>
public sealed class BenchStrategiesCommand : Command<BenchStrategiesCommand.Settings>
{
    public sealed class Settings : NasSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Experiment file giving plugin, search space, evaluator (e.g. a lookup table) and objectives.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--runs <R>")]
        [Description("Independent runs per strategy (default 200).")]
        public int Runs { get; init; } = 200;

        [CommandOption("--budget <Q>")]
        [Description("Queries (evaluations) per run (default 100).")]
        public int Budget { get; init; } = 100;

        [CommandOption("--strategies <LIST>")]
        [Description("Comma-separated strategy names (default random,regularized-evolution).")]
        public string Strategies { get; init; } = $"{RandomSearchFactory.StrategyName},{RegularizedEvolutionFactory.StrategyName}";

        [CommandOption("--seed <S>")]
        [Description("Base seed of the runs (default: the file's seed).")]
        public int? Seed { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            return Run(settings, cancellationToken);
        }
        catch (NasConfigurationException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (StrategyBenchmarkException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error.WriteLine("Cancelled.");
            return ExitCodes.Failure;
        }
    }

    private static int Run(Settings settings, CancellationToken cancellationToken)
    {
        // Checked here rather than in Settings.Validate so that bad input exits with code 2.
        if (settings.Runs < 1 || settings.Budget < 1)
        {
            throw new NasConfigurationException($"--runs and --budget must be at least 1 (got {settings.Runs} and {settings.Budget}).");
        }

        var file = Path.GetFullPath(settings.File);
        var experiment = BenchExperiment.Read(file);
        var seed = settings.Seed ?? experiment.Seed;

        var plugins = PluginCatalog.Load(PluginSearchPath.Resolve(settings.PluginDirectories));
        var space = plugins.CreateSearchSpace(experiment.Plugin, experiment.SearchSpace.Name, experiment.SearchSpace.Options, experiment.BaseDirectory, seed, $"{file}, $.searchSpace.options");
        var evaluator = plugins.CreateEvaluator(experiment.Plugin, experiment.Evaluator.Name, experiment.Evaluator.Options, experiment.BaseDirectory, seed, $"{file}, $.evaluator.options");

        var strategies = settings.Strategies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name =>
            {
                var factory = StrategyCatalog.Default.Get(name);
                var options = experiment.Strategy is { } s && s.Name == name ? s.Options : new JObject();
                StrategyCatalog.Default.ValidateOptions(factory, options);
                return (Factory: factory, Options: options);
            })
            .ToArray();
        if (strategies.Length == 0)
        {
            throw new NasConfigurationException($"--strategies names no strategy. Known strategies: {string.Join(", ", StrategyCatalog.Default.All.Select(f => f.Name))}.");
        }

        var objectives = new ObjectiveSet(experiment.Objectives);
        var benchmark = new StrategyBenchmark(space, evaluator, objectives, experiment.Constraints, experiment.Fidelity);
        var reference = LookupTableReference.ExpectedBestOfUniformDraws(experiment.Evaluator.Options, experiment.BaseDirectory, objectives.Primary, settings.Budget);

        var results = new List<(StrategyBenchmarkResult Result, TimeSpan Elapsed)>();
        foreach (var (factory, options) in strategies)
        {
            if (!settings.Json)
            {
                Console.Error.WriteLine($"{factory.Name}: {settings.Runs} runs x {settings.Budget} queries ...");
            }

            var clock = Stopwatch.StartNew();
            var result = benchmark.Run(factory, options, settings.Runs, settings.Budget, seed, cancellationToken: cancellationToken);
            results.Add((result, clock.Elapsed));
        }

        if (settings.Json)
        {
            WriteJson(file, settings, seed, objectives.Primary, reference, results);
        }
        else
        {
            WriteTable(file, settings, seed, objectives.Primary, reference, results);
        }

        return ExitCodes.Success;
    }

    private static void WriteTable(string file, Settings settings, int seed, Objective primary, double? reference, List<(StrategyBenchmarkResult Result, TimeSpan Elapsed)> results)
    {
        // Narrow enough for an 80-column pipe; --json has every number (min, max, std error, curve).
        var table = new Table()
            .Title($"Best {Markup.Escape(primary.ToString())} after {settings.Budget} queries ({Markup.Escape(Path.GetFileName(file))}, seed {seed})")
            .Caption(reference is null ? string.Empty : $"reference: exact expected best of {settings.Budget} uniform draws from the table")
            .AddColumn("strategy")
            .AddColumn(new TableColumn("runs").RightAligned())
            .AddColumn(new TableColumn("mean best").RightAligned())
            .AddColumn(new TableColumn("std").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned())
            .AddColumn(new TableColumn("reference").RightAligned())
            .AddColumn(new TableColumn("s").RightAligned());
        foreach (var (result, elapsed) in results)
        {
            var isRandom = result.Strategy == RandomSearchFactory.StrategyName;
            table.AddRow(
                Markup.Escape(result.Strategy),
                result.Runs.ToString(CultureInfo.InvariantCulture),
                Number(result.Mean),
                Number(result.StandardDeviation),
                result.UnusableTrials.ToString(CultureInfo.InvariantCulture),
                isRandom && reference is { } r ? Number(r) : string.Empty,
                elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        foreach (var (result, _) in results.Where(r => r.Result.FirstError is not null))
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(result.Strategy)}: {result.UnusableTrials} trials failed or broke a constraint; first failure: {Markup.Escape(result.FirstError!)}[/]");
        }
    }

    private static void WriteJson(string file, Settings settings, int seed, Objective primary, double? reference, List<(StrategyBenchmarkResult Result, TimeSpan Elapsed)> results)
    {
        var json = new JObject
        {
            ["file"] = file,
            ["runs"] = settings.Runs,
            ["budget"] = settings.Budget,
            ["seed"] = seed,
            ["objective"] = new JObject { ["metric"] = primary.Metric, ["direction"] = primary.Direction.ToString().ToLowerInvariant() },
            ["expectedBestOfUniformDraws"] = reference is { } r ? r : JValue.CreateNull(),
            ["strategies"] = new JArray(results.Select(x => new JObject
            {
                ["name"] = x.Result.Strategy,
                ["runs"] = x.Result.Runs,
                ["mean"] = x.Result.Mean,
                ["std"] = x.Result.StandardDeviation,
                ["stdError"] = x.Result.StandardError,
                ["min"] = x.Result.BestPerRun.Min(),
                ["max"] = x.Result.BestPerRun.Max(),
                ["unusableTrials"] = x.Result.UnusableTrials,
                ["rejections"] = x.Result.Rejections,
                ["firstError"] = x.Result.FirstError,
                ["seconds"] = Math.Round(x.Elapsed.TotalSeconds, 3),
                ["meanBestSoFar"] = new JArray(x.Result.MeanBestSoFar.Select(v => double.IsNaN(v) ? JValue.CreateNull() : new JValue(v))),
            })),
        };
        Console.Out.WriteLine(json.ToString(Formatting.Indented));
    }

    private static string Number(double value) => double.IsNaN(value) ? "-" : value.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>
    /// The fields of an experiment file this command needs. Read here with Newtonsoft until
    /// ExperimentFile.Load(path) (the experiment-file loader) is merged; then use its ExperimentSpec.
    /// </summary>
    private sealed record BenchExperiment(
        string Plugin,
        ComponentPart SearchSpace,
        ComponentPart Evaluator,
        ComponentPart? Strategy,
        IReadOnlyList<Objective> Objectives,
        IReadOnlyList<Constraint> Constraints,
        string? Fidelity,
        int Seed,
        string BaseDirectory)
    {
        public static BenchExperiment Read(string path)
        {
            if (!System.IO.File.Exists(path))
            {
                throw new NasConfigurationException($"{path}: experiment file not found.");
            }

            JObject root;
            try
            {
                using var reader = new JsonTextReader(new StreamReader(path));
                root = JObject.Load(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }
            catch (JsonReaderException e)
            {
                throw new NasConfigurationException($"{path}:{e.LineNumber}:{e.LinePosition}: not valid JSON: {e.Message}", e);
            }

            var objectives = Required<JArray>(root, "objectives", path).Select((o, i) => ReadObjective(o, i, path)).ToArray();
            if (objectives.Length == 0)
            {
                throw Problem(path, root["objectives"], "$.objectives", "expected at least one objective");
            }

            var constraints = (root["constraints"] as JArray ?? []).Select((c, i) =>
                c.Type == JTokenType.String && Constraint.TryParse(c.Value<string>()!, out var parsed)
                    ? parsed!
                    : throw Problem(path, c, $"$.constraints[{i}]", "expected a constraint such as \"params <= 5e6\"")).ToArray();

            var seed = root["seed"] is { Type: JTokenType.Integer } s ? s.Value<int>() : 0;
            return new BenchExperiment(
                Required<JValue>(root, "plugin", path).Value<string>() ?? string.Empty,
                ReadComponent(root, "searchSpace", path),
                ReadComponent(root, "evaluator", path),
                root["strategy"] is null ? null : ReadComponent(root, "strategy", path),
                objectives,
                constraints,
                root.Value<string>("fidelity"),
                seed,
                Path.GetDirectoryName(path)!);
        }

        private static ComponentPart ReadComponent(JObject root, string property, string path)
        {
            var component = Required<JObject>(root, property, path);
            var name = Required<JValue>(component, "name", path, $"$.{property}").Value<string>();
            var options = component["options"] switch
            {
                null => new JObject(),
                JObject o => o,
                var other => throw Problem(path, other, $"$.{property}.options", "expected an object"),
            };
            return new ComponentPart(name ?? string.Empty, options);
        }

        private static Objective ReadObjective(JToken token, int index, string path)
        {
            var metric = token["metric"]?.Type == JTokenType.String ? token.Value<string>("metric") : null;
            var direction = token["direction"]?.Type == JTokenType.String ? token.Value<string>("direction") : null;
            if (string.IsNullOrEmpty(metric) || direction is not ("minimize" or "maximize"))
            {
                throw Problem(path, token, $"$.objectives[{index}]", "expected {\"metric\": NAME, \"direction\": \"minimize\" or \"maximize\"}");
            }

            return new Objective(metric, direction == "maximize" ? Direction.Maximize : Direction.Minimize);
        }

        private static T Required<T>(JObject parent, string property, string path, string parentPath = "$")
            where T : JToken =>
            parent[property] as T ?? throw Problem(path, parent[property] ?? parent, $"{parentPath}.{property}", parent[property] is null ? "required property is missing" : $"expected {(typeof(T) == typeof(JArray) ? "an array" : typeof(T) == typeof(JObject) ? "an object" : "a string")}");

        private static NasConfigurationException Problem(string path, JToken? token, string jsonPath, string message)
        {
            var info = token as IJsonLineInfo;
            var place = info?.HasLineInfo() == true ? new SchemaProblem(jsonPath, info.LineNumber, info.LinePosition, message) : new SchemaProblem(jsonPath, null, null, message);
            return new NasConfigurationException(place.Format(path));
        }
    }

    private sealed record ComponentPart(string Name, JObject Options);
}

// ---------------------------------------------------------------------------------------------
// TEMPORARY SHIM, to be deleted when the plugin catalog (NasPlatform.Engine.Plugins.PluginCatalog,
// PluginSearchPath) is merged: the command above already calls exactly their signatures; delete
// these two file-local types and add `using NasPlatform.Engine.Plugins;`. Until then they load
// plugins the same way (manifest, McMaster load context sharing the contract and Newtonsoft).
// ---------------------------------------------------------------------------------------------
file static class PluginSearchPath
{
    public static IReadOnlyList<string> Resolve(IEnumerable<string> extraDirectories)
    {
        var result = new List<string>();
        var own = Path.Combine(AppContext.BaseDirectory, "plugins");
        if (Directory.Exists(own))
        {
            result.Add(own);
        }

        result.AddRange(extraDirectories.Select(Path.GetFullPath));
        var fromEnvironment = Environment.GetEnvironmentVariable("NASPLATFORM_PLUGIN_PATH") ?? string.Empty;
        result.AddRange(fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFullPath));
        return result;
    }
}

file sealed class PluginCatalog : IPluginRegistry
{
    private readonly Dictionary<string, (string Directory, Dictionary<string, (string Schema, Func<ComponentContext, ISearchSpace> Factory)> Spaces, Dictionary<string, (string Schema, Func<ComponentContext, IEvaluator> Factory)> Evaluators)> _plugins = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];
    private string _registering = string.Empty;

    public static PluginCatalog Load(IEnumerable<string> directories)
    {
        var catalog = new PluginCatalog();
        foreach (var directory in directories.Where(Directory.Exists))
        {
            var folders = System.IO.File.Exists(Path.Combine(directory, "plugin.json")) ? [directory] : Directory.GetDirectories(directory);
            foreach (var folder in folders.Where(f => System.IO.File.Exists(Path.Combine(f, "plugin.json"))))
            {
                try
                {
                    catalog.LoadFolder(folder);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    catalog._failures.Add($"{folder}: {e.Message}");
                }
            }
        }

        return catalog;
    }

    public ISearchSpace CreateSearchSpace(string pluginId, string name, JObject options, string baseDirectory, int seed, string origin)
    {
        var plugin = Require(pluginId);
        var (schema, factory) = plugin.Spaces.TryGetValue(name, out var found)
            ? found
            : throw new NasConfigurationException($"Plugin '{pluginId}' has no search space named '{name}'. Available: {string.Join(", ", plugin.Spaces.Keys)}.");
        return Create(schema, factory, options, baseDirectory, plugin.Directory, seed, origin);
    }

    public IEvaluator CreateEvaluator(string pluginId, string name, JObject options, string baseDirectory, int seed, string origin)
    {
        var plugin = Require(pluginId);
        var (schema, factory) = plugin.Evaluators.TryGetValue(name, out var found)
            ? found
            : throw new NasConfigurationException($"Plugin '{pluginId}' has no evaluator named '{name}'. Available: {string.Join(", ", plugin.Evaluators.Keys)}.");
        return Create(schema, factory, options, baseDirectory, plugin.Directory, seed, origin);
    }

    public void AddSearchSpace(string name, string description, string optionsSchema, Func<ComponentContext, ISearchSpace> factory) =>
        _plugins[_registering].Spaces[name] = (optionsSchema, factory);

    public void AddEvaluator(string name, string description, string optionsSchema, Func<ComponentContext, IEvaluator> factory) =>
        _plugins[_registering].Evaluators[name] = (optionsSchema, factory);

    private static T Create<T>(string schema, Func<ComponentContext, T> factory, JObject options, string baseDirectory, string pluginDirectory, int seed, string origin)
    {
        var problems = SchemaValidator.Validate(options.DeepClone(), SchemaValidator.ParseSchema(schema, $"{origin}: options schema"));
        if (problems.Count > 0)
        {
            throw new NasConfigurationException($"{origin}: invalid options:{Environment.NewLine}{string.Join(Environment.NewLine, problems.Select(p => $"  {p.JsonPath}: {p.Message}"))}");
        }

        try
        {
            return factory(new ComponentContext((JObject)options.DeepClone(), baseDirectory, pluginDirectory, seed));
        }
        catch (ComponentConfigurationException e)
        {
            throw new NasConfigurationException($"{origin}.{e.OptionPath}: {e.Message}", e);
        }
    }

    private (string Directory, Dictionary<string, (string Schema, Func<ComponentContext, ISearchSpace> Factory)> Spaces, Dictionary<string, (string Schema, Func<ComponentContext, IEvaluator> Factory)> Evaluators) Require(string pluginId) =>
        _plugins.TryGetValue(pluginId, out var plugin)
            ? plugin
            : throw new NasConfigurationException($"Plugin '{pluginId}' is not loaded. Loaded plugins: {string.Join(", ", _plugins.Keys)}.{(_failures.Count > 0 ? " Failed: " + string.Join("; ", _failures) : string.Empty)}");

    private void LoadFolder(string folder)
    {
        var manifest = JObject.Parse(System.IO.File.ReadAllText(Path.Combine(folder, "plugin.json")));
        var assemblyPath = Path.Combine(folder, manifest.Value<string>("assembly") ?? throw new InvalidDataException("plugin.json has no 'assembly'"));
        var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, sharedTypes: [typeof(INasPlugin), typeof(JObject)]);
        var type = loader.LoadDefaultAssembly().GetExportedTypes().First(t => typeof(INasPlugin).IsAssignableFrom(t) && !t.IsAbstract);
        var plugin = (INasPlugin)Activator.CreateInstance(type)!;
        _registering = plugin.Describe().Id;
        _plugins[_registering] = (folder, new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        plugin.Register(this);
    }
}
