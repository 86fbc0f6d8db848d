using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Search;
using NasPlatform.Search.Strategies;
using NasPlatform.Workflows.Benchmarks;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Storage;
using NasPlatform.Engine.Strategies;
using NasPlatform.Torch;
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
        [Description("Queries (evaluations) per run (default 100). A comma list (50,100,200) runs the largest and also reports the best after the smaller ones, read from the same runs.")]
        public string Budget { get; init; } = "100";

        [CommandOption("--strategies <LIST>")]
        [Description("Comma-separated strategy names (default random,regularized-evolution).")]
        public string Strategies { get; init; } = $"{RandomSearchFactory.StrategyName},{RegularizedEvolutionFactory.StrategyName}";

        [CommandOption("--results <DIR>")]
        [Description("Folder that keeps each finished strategy's result, so that a rerun of the same command continues where a crash or Ctrl+C stopped it (default: FILE.bench beside the experiment file).")]
        public string? Results { get; init; }

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
        var budgets = settings.Budget.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : 0)
            .Distinct().Order().ToArray();
        if (settings.Runs < 1 || budgets.Length == 0 || budgets[0] < 1)
        {
            throw new NasConfigurationException($"--runs must be at least 1 and --budget a query count of at least 1 or a comma list of them (got {settings.Runs} and '{settings.Budget}').");
        }

        var queries = budgets[^1];

        var file = Path.GetFullPath(settings.File);
        var experiment = ExperimentFile.Load(file);
        var seed = settings.Seed ?? experiment.Seed;

        var plugins = PluginCatalog.LoadDefault(settings.PluginDirectories);
        var space = ComponentResolver.CreateSearchSpace(experiment, plugins);
        var evaluator = ComponentResolver.CreateEvaluator(experiment, plugins);
        ComponentResolver.CheckPair(experiment, space, evaluator);

        var strategies = ResolveStrategies(settings.Strategies, experiment, plugins);

        // Runs go in parallel, one per core; a predictor inside a run trains on one thread rather than fighting the others for all of them.
        TorchThreads.UseHostDefault();

        var objectives = new ObjectiveSet(experiment.Objectives);
        var benchmark = new StrategyBenchmark(space, evaluator, objectives, experiment.Constraints, experiment.Fidelity);
        var references = budgets.ToDictionary(b => b, b => LookupTableReference.ExpectedBestOfUniformDraws(experiment.Evaluator.Options, experiment.BaseDirectory, objectives.Primary, b));

        // Each finished strategy is kept at once, so a crash or Ctrl+C in a later one loses nothing and the same
        // command continues with the strategies still to run.
        var journal = new StrategyBenchmarkJournal(file, settings.Runs, queries, seed, settings.Results is null ? null : Path.GetFullPath(settings.Results));
        var results = new List<(StrategyBenchmarkResult Result, TimeSpan Elapsed)>();
        foreach (var (factory, options) in strategies)
        {
            if (journal.TryRead(factory.Name, options) is { } kept)
            {
                Console.Error.WriteLine($"{factory.Name}: finished earlier, read from {Path.GetRelativePath(Environment.CurrentDirectory, journal.PathOf(factory.Name, options))} (delete it to run again)");
                results.Add(kept);
                continue;
            }

            if (!settings.Json)
            {
                Console.Error.WriteLine($"{factory.Name}: {settings.Runs} runs x {queries} queries ...");
            }

            // A strategy that learns from another experiment's trials ("transferFrom") gets them in every run; they cost no query.
            var transferred = TransferSource.Load(experiment, options, space);
            var runner = transferred.Count == 0 ? benchmark : new StrategyBenchmark(space, evaluator, objectives, experiment.Constraints, experiment.Fidelity) { TransferredTrials = transferred };
            var clock = Stopwatch.StartNew();
            var result = runner.Run(factory, options, settings.Runs, queries, seed, cancellationToken: cancellationToken);
            journal.Write(factory.Name, options, result, clock.Elapsed);
            results.Add((result, clock.Elapsed));
        }

        if (settings.Json)
        {
            WriteJson(file, settings, budgets, seed, objectives.Primary, references, results);
        }
        else
        {
            WriteTable(file, budgets, seed, objectives.Primary, references, results);
        }

        return ExitCodes.Success;
    }

    /// <summary>The strategies named, each with the experiment file's options when it is the file's strategy (else its defaults), bound and checked.</summary>
    private static (ISearchStrategyFactory Factory, JObject Options)[] ResolveStrategies(string names, ExperimentSpec experiment, PluginCatalog plugins)
    {
        // The host's strategies and those the plugins offer, as `nas run` resolves them.
        var catalog = HostStrategies.Catalog.With(plugins.Plugins.SelectMany(p => p.Strategies));
        var strategies = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name =>
            {
                var factory = catalog.Get(name);
                var options = experiment.Strategy.Name == name ? experiment.Strategy.Options : new JObject();
                catalog.BindOptions(factory, options);
                return (Factory: factory, Options: options);
            })
            .ToArray();
        if (strategies.Length == 0)
        {
            throw new NasConfigurationException($"--strategies names no strategy. Known strategies: {string.Join(", ", catalog.All.Select(f => f.Name))}.");
        }

        return strategies;
    }

    private static void WriteTable(string file, int[] budgets, int seed, Objective primary, Dictionary<int, double?> references, List<(StrategyBenchmarkResult Result, TimeSpan Elapsed)> results)
    {
        // Narrow enough for an 80-column pipe; --json has every number (min, max, std error, curve).
        var budgetText = string.Join(", ", budgets);
        var table = new Table()
            .Title($"Best {Markup.Escape(primary.ToString())} after {budgetText} queries ({Markup.Escape(Path.GetFileName(file))}, seed {seed})")
            .Caption(references.Values.All(r => r is null) ? string.Empty : "reference: exact expected best of that many uniform draws from the table")
            .AddColumn("strategy")
            .AddColumn(new TableColumn("queries").RightAligned())
            .AddColumn(new TableColumn("runs").RightAligned())
            .AddColumn(new TableColumn("mean best").RightAligned())
            .AddColumn(new TableColumn("std").RightAligned())
            .AddColumn(new TableColumn("failed").RightAligned())
            .AddColumn(new TableColumn("reference").RightAligned())
            .AddColumn(new TableColumn("s").RightAligned());
        foreach (var (result, elapsed) in results)
        {
            var isRandom = result.Strategy == RandomSearchFactory.StrategyName;
            foreach (var budget in budgets)
            {
                var best = result.BestAfter(budget);
                var last = budget == budgets[^1];
                table.AddRow(
                    Markup.Escape(result.Strategy),
                    budget.ToString(CultureInfo.InvariantCulture),
                    result.Runs.ToString(CultureInfo.InvariantCulture),
                    Number(best.Average()),
                    Number(StandardDeviation(best)),
                    last ? result.UnusableTrials.ToString(CultureInfo.InvariantCulture) : string.Empty,
                    isRandom && references[budget] is { } r ? Number(r) : string.Empty,
                    last ? elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) : string.Empty);
            }
        }

        AnsiConsole.Write(table);
        foreach (var (result, _) in results.Where(r => r.Result.FirstError is not null))
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(result.Strategy)}: {result.UnusableTrials} trials failed or broke a constraint; first failure: {Markup.Escape(result.FirstError!)}[/]");
        }
    }

    private static void WriteJson(string file, Settings settings, int[] budgets, int seed, Objective primary, Dictionary<int, double?> references, List<(StrategyBenchmarkResult Result, TimeSpan Elapsed)> results)
    {
        var reference = references[budgets[^1]];
        var json = new JObject
        {
            ["file"] = file,
            ["runs"] = settings.Runs,
            ["budget"] = budgets[^1],
            ["budgets"] = new JArray(budgets),
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
                ["atBudgets"] = new JArray(budgets.Select(b => new JObject
                {
                    ["queries"] = b,
                    ["mean"] = x.Result.BestAfter(b).Average(),
                    ["std"] = StandardDeviation(x.Result.BestAfter(b)),
                    ["expectedBestOfUniformDraws"] = references[b] is { } e ? e : JValue.CreateNull(),
                })),
            })),
        };
        Console.Out.WriteLine(json.ToString(Formatting.Indented));
    }

    /// <summary>Sample standard deviation (n − 1); 0 for one value.</summary>
    private static double StandardDeviation(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    private static string Number(double value) => double.IsNaN(value) ? "-" : value.ToString("F4", CultureInfo.InvariantCulture);
}
