using NasPlatform.Abstractions;
using System.ComponentModel;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using Spectre.Console.Cli;
using NasPlatform.Torch;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// `nas bench candidates EXP --candidate NAME=FILE ... --best --seeds 0,1,2`: evaluates hand-designed candidates
/// and the experiment's best trial side by side with the experiment's evaluator (same data, same split), once per
/// seed, and prints mean and standard deviation of each metric (--metrics, or every metric the evaluator returned).
/// Any plugin's evaluator serves: the EDA baselines against a routability search, vision baselines against a CNN search. Runs are saved as they finish and skipped when
/// run again, so a killed bench resumes.
/// </summary>
public sealed class BenchCandidatesCommand : AsyncCommand<BenchCandidatesCommand.Settings>
{
    public sealed class Settings : NasSettings
    {
        [CommandArgument(0, "<EXP>")]
        [Description("The experiment file (.json) whose evaluator (and, with --best, whose store) to use.")]
        public string Experiment { get; init; } = "";

        [CommandOption("--candidate <NAME=FILE>")]
        [Description("A candidate to evaluate, as a JSON file (repeatable), e.g. routenet=examples/eda/routenet.json.")]
        public string[] Candidates { get; init; } = [];

        [CommandOption("--best")]
        [Description("Also evaluate the experiment's best completed trial (by its first objective), named 'nas-best'.")]
        public bool Best { get; init; }

        [CommandOption("--seeds <LIST>")]
        [Description("Training seeds. Default 0,1,2.")]
        public string Seeds { get; init; } = "0,1,2";

        [CommandOption("--fidelity <NAME>")]
        [Description("Fidelity to train at. Default: the evaluator's highest.")]
        public string? Fidelity { get; init; }

        [CommandOption("--metrics <LIST>")]
        [Description("Comma-separated metrics to tabulate, in order. Default: the objectives' metrics, then every other metric returned, by name.")]
        public string? Metrics { get; init; }

        [CommandOption("--test-designs <LIST>")]
        [Description("For an evaluator that splits by design (routability): the designs to test on, comma-separated; overrides the experiment's evaluator option testDesigns. Training never sees them.")]
        public string? TestDesigns { get; init; }

        [CommandOption("--validation-designs <LIST>")]
        [Description("For an evaluator that splits by design (routability): the validation designs, comma-separated; overrides the evaluator option validationDesigns.")]
        public string? ValidationDesigns { get; init; }

        [CommandOption("-o|--output <FILE>")]
        [Description("Results file (resumed when it exists). Default: EXP with -bench.json.")]
        public string? Output { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            var file = Path.GetFullPath(settings.Experiment);
            var spec = WithDesignSplit(ExperimentFile.Load(file), settings);
            // One LibTorch thread, as `nas run` trains its trials (RunHost.Prepare): a seed then gives a trial's scores,
            // and two of these commands side by side do not oversubscribe the cores. An evaluator may still require more.
            TorchThreads.UseHostDefault();
            var plugins = PluginCatalog.LoadDefault(settings.PluginDirectories);
            var space = ComponentResolver.CreateSearchSpace(spec, plugins);
            var evaluator = ComponentResolver.CreateEvaluator(spec, plugins);
            var fidelity = settings.Fidelity is null
                ? evaluator.Fidelities.MaxBy(f => f.Cost)!
                : evaluator.Fidelities.FirstOrDefault(f => f.Name == settings.Fidelity)
                  ?? throw new NasConfigurationException($"--fidelity {settings.Fidelity}: the evaluator has {string.Join(", ", evaluator.Fidelities.Select(f => f.Name))}.");
            var seeds = settings.Seeds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new NasConfigurationException($"--seeds: '{s}' is not a whole number.")).ToList();

            var candidates = NamedCandidates(settings.Candidates, space, spec.SearchSpace.Name);
            if (settings.Best)
            {
                candidates.Add(("nas-best", BestTrial(file, spec, settings.Experiment)));
            }

            if (candidates.Count == 0)
                throw new NasConfigurationException("Nothing to evaluate: give --candidate NAME=FILE and/or --best.");

            var output = Path.GetFullPath(settings.Output ?? Path.ChangeExtension(file, null) + "-bench.json");
            var runs = File.Exists(output) ? JObject.Parse(File.ReadAllText(output))["runs"] as JArray ?? [] : [];
            var failures = new List<string>();
            foreach (var (name, candidate) in candidates)
            {
                foreach (var seed in seeds)
                {
                    if (runs.Any(r => r.Value<string>("hash") == candidate.Hash && r.Value<int>("seed") == seed && r.Value<string>("fidelity") == fidelity.Name))
                        continue;
                    var work = Path.Combine(Path.ChangeExtension(output, null), $"{name}-s{seed}");
                    var started = DateTime.UtcNow;
                    EvaluationResult result;
                    try
                    {
                        result = await evaluator.EvaluateAsync(new EvaluationRequest(candidate, fidelity, seed, work), new Progress<EvaluationProgress>(), cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One failed training must not cost the others: it is reported, not stored, so a rerun retries it.
                        var reason = UnhandledErrors.Summary(e);
                        failures.Add($"{name} seed {seed} ({reason})");
                        Console.Error.WriteLine($"{name} seed {seed}: FAILED: {e.GetType().Name}: {reason}");
                        continue;
                    }

                    runs.Add(new JObject
                    {
                        ["name"] = name, ["seed"] = seed, ["fidelity"] = fidelity.Name, ["hash"] = candidate.Hash,
                        ["candidate"] = candidate.ToJson(), ["seconds"] = (DateTime.UtcNow - started).TotalSeconds,
                        ["metrics"] = JObject.FromObject(result.Metrics),
                    });
                    var temporary = output + ".partial";
                    File.WriteAllText(temporary, new JObject { ["experiment"] = file, ["runs"] = runs }.ToString(Formatting.Indented));
                    File.Move(temporary, output, overwrite: true);
                    var shown = spec.Objectives.Where(o => result.Metrics.ContainsKey(o.Metric))
                        .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Metric} {result.Metrics[o.Metric]:0.000}"));
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name} seed {seed}: {string.Join(", ", shown)} ({(DateTime.UtcNow - started).TotalSeconds:0} s)"));
                }
            }

            var reported = Reported(settings.Metrics, spec.Objectives.Select(o => o.Metric), runs);
            WriteTable(candidates, runs, reported, fidelity.Name, seeds);
            Console.Out.WriteLine($"({seeds.Count} seeds, fidelity {fidelity.Name}; std is the sample standard deviation; results in {output})");
            if (failures.Count == 0)
                return ExitCodes.Success;
            Console.Error.WriteLine($"{failures.Count} training(s) failed, left out of the table and of {output}: {string.Join("; ", failures)}. Run the same command again to retry them; the others are kept.");
            return ExitCodes.Failure;
        });

    /// <summary>
    /// The experiment with --test-designs / --validation-designs written into its evaluator's options (testDesigns,
    /// validationDesigns), which the evaluator's schema then checks: one without them refuses the option by name (exit 2).
    /// </summary>
    private static ExperimentSpec WithDesignSplit(ExperimentSpec spec, Settings settings)
    {
        if (settings.TestDesigns is null && settings.ValidationDesigns is null)
            return spec;
        var options = (JObject)spec.Evaluator.Options.DeepClone();
        foreach (var (option, value) in new[] { ("testDesigns", settings.TestDesigns), ("validationDesigns", settings.ValidationDesigns) })
        {
            if (value is null)
                continue;
            var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (names.Length == 0)
                throw new NasConfigurationException($"--{(option == "testDesigns" ? "test" : "validation")}-designs: name at least one design, comma-separated.");
            options[option] = new JArray(names);
        }

        return spec with { Evaluator = spec.Evaluator with { Options = options } };
    }

    /// <summary>The candidates given as NAME=FILE, each read and checked against the experiment's space.</summary>
    private static List<(string Name, Candidate Candidate)> NamedCandidates(string[] items, ISearchSpace space, string spaceName)
    {
        var candidates = new List<(string Name, Candidate Candidate)>();
        foreach (var item in items)
        {
            var cut = item.IndexOf('=', StringComparison.Ordinal);
            if (cut <= 0)
                throw new NasConfigurationException($"--candidate {item}: write NAME=FILE.");
            var path = item[(cut + 1)..];
            Candidate candidate;
            try
            {
                candidate = Candidate.Parse(File.ReadAllText(path));
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                throw new NasConfigurationException($"--candidate {item}: {e.Message}");
            }

            var problems = space.Validate(candidate);
            if (problems.Count > 0)
                throw new NasConfigurationException($"{path}: not a candidate of {spaceName}: {string.Join(" ", problems)}");
            candidates.Add((item[..cut], candidate));
        }

        return candidates;
    }

    /// <summary>The experiment's best completed trial by its first objective (named 'nas-best'), announced on stderr.</summary>
    private static Candidate BestTrial(string file, ExperimentSpec spec, string experiment)
    {
        using var located = ExperimentLocator.Locate(file, null);
        var objective = spec.Objectives[0];
        var best = located.Store.GetTrials(located.Record.Id)
            .Where(t => t.IsUsable && t.Metrics.ContainsKey(objective.Metric))
            .MaxBy(t => objective.Utility(t.Metrics[objective.Metric]))
            ?? throw new NasConfigurationException($"{experiment} has no completed trial with {objective.Metric}; run it first (nas run).");
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nas-best: trial {best.Number} ({best.Fidelity}), {objective.Metric} {best.Metrics[objective.Metric]:0.####}: {best.Candidate.Json}"));
        return best.Candidate;
    }

    /// <summary>The Markdown table: one row a candidate, mean ± sample standard deviation over the seeds for each reported metric.</summary>
    private static void WriteTable(List<(string Name, Candidate Candidate)> candidates, JArray runs, List<string> reported, string fidelity, List<int> seeds)
    {
        Console.Out.WriteLine($"| candidate | {string.Join(" | ", reported)} |");
        Console.Out.WriteLine($"|---|{string.Concat(reported.Select(_ => "---|"))}");
        foreach (var (name, candidate) in candidates)
        {
            var mine = runs.Where(r => r.Value<string>("hash") == candidate.Hash && r.Value<string>("fidelity") == fidelity && seeds.Contains(r.Value<int>("seed"))).ToList();
            if (mine.Count == 0)
                continue;
            var cells = reported.Select(m =>
            {
                var values = mine.Select(r => r["metrics"]!.Value<double?>(m)).OfType<double>().ToList();
                if (values.Count == 0)
                    return "-";
                var mean = values.Average();
                var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
                // A statistic of the candidate (parameters, FLOPs) is the same every seed: shown once, whole.
                return std == 0 && Math.Abs(mean) >= 1000
                    ? string.Create(CultureInfo.InvariantCulture, $"{mean:0}")
                    : string.Create(CultureInfo.InvariantCulture, $"{mean:0.000} ± {std:0.000}");
            });
            Console.Out.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
        }
    }

    private static List<string> Reported(string? requested, IEnumerable<string> objectives, JArray runs)
    {
        if (requested is not null)
            return requested.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var returned = runs.SelectMany(r => ((JObject)r["metrics"]!).Properties().Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
        var first = objectives.Where(returned.Contains).Distinct().ToList();
        return [.. first, .. returned.Except(first).Order(StringComparer.Ordinal)];
    }
}
