using System.ComponentModel;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// `nas eda bench EXP --candidate NAME=FILE ... --best --seeds 0,1,2`: evaluates hand-designed candidates and
/// the experiment's best trial side by side with the experiment's evaluator (same data, same split), once per
/// seed, and prints mean and standard deviation of each metric. Runs are saved as they finish and skipped when
/// run again, so a killed bench resumes.
/// </summary>
public sealed class EdaBenchCommand : AsyncCommand<EdaBenchCommand.Settings>
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

        [CommandOption("-o|--output <FILE>")]
        [Description("Results file (resumed when it exists). Default: EXP with -bench.json.")]
        public string? Output { get; init; }
    }

    private static readonly string[] Reported = ["test_kendall_tau", "test_kendall_tau_within", "test_roc_auc", "val_kendall_tau", "val_roc_auc", "train_seconds"];

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            var file = Path.GetFullPath(settings.Experiment);
            var spec = ExperimentFile.Load(file);
            var plugins = PluginCatalog.LoadDefault(settings.PluginDirectories);
            var space = ComponentResolver.CreateSearchSpace(spec, plugins);
            var evaluator = ComponentResolver.CreateEvaluator(spec, plugins);
            var fidelity = settings.Fidelity is null
                ? evaluator.Fidelities.MaxBy(f => f.Cost)!
                : evaluator.Fidelities.FirstOrDefault(f => f.Name == settings.Fidelity)
                  ?? throw new NasConfigurationException($"--fidelity {settings.Fidelity}: the evaluator has {string.Join(", ", evaluator.Fidelities.Select(f => f.Name))}.");
            var seeds = settings.Seeds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new NasConfigurationException($"--seeds: '{s}' is not a whole number.")).ToList();

            var candidates = new List<(string Name, Candidate Candidate)>();
            foreach (var item in settings.Candidates)
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
                    throw new NasConfigurationException($"{path}: not a candidate of {spec.SearchSpace.Name}: {string.Join(" ", problems)}");
                candidates.Add((item[..cut], candidate));
            }

            if (settings.Best)
            {
                using var located = ExperimentLocator.Locate(file, null);
                var objective = spec.Objectives[0];
                var best = located.Store.GetTrials(located.Record.Id)
                    .Where(t => t.IsUsable && t.Metrics.ContainsKey(objective.Metric))
                    .MaxBy(t => objective.Utility(t.Metrics[objective.Metric]))
                    ?? throw new NasConfigurationException($"{settings.Experiment} has no completed trial with {objective.Metric}; run it first (nas run).");
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nas-best: trial {best.Number} ({best.Fidelity}), {objective.Metric} {best.Metrics[objective.Metric]:0.####}: {best.Candidate.Json}"));
                candidates.Add(("nas-best", best.Candidate));
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
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name} seed {seed}: test tau {result.Metrics.GetValueOrDefault("test_kendall_tau"):0.000}, test AUC {result.Metrics.GetValueOrDefault("test_roc_auc"):0.000} ({(DateTime.UtcNow - started).TotalSeconds:0} s)"));
                }
            }

            Console.Out.WriteLine($"| candidate | params | MFLOPs | {string.Join(" | ", Reported)} |");
            Console.Out.WriteLine($"|---|---|---|{string.Concat(Reported.Select(_ => "---|"))}");
            foreach (var (name, candidate) in candidates)
            {
                var mine = runs.Where(r => r.Value<string>("hash") == candidate.Hash && r.Value<string>("fidelity") == fidelity.Name && seeds.Contains(r.Value<int>("seed"))).ToList();
                if (mine.Count == 0)
                    continue;
                var first = mine[0]["metrics"]!;
                var cells = Reported.Select(m =>
                {
                    var values = mine.Select(r => r["metrics"]!.Value<double?>(m)).OfType<double>().ToList();
                    if (values.Count == 0)
                        return "-";
                    var mean = values.Average();
                    var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
                    return string.Create(CultureInfo.InvariantCulture, $"{mean:0.000} ± {std:0.000}");
                });
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {first.Value<double?>("params"):0} | {first.Value<double?>("flops") / 1e6:0.0} | {string.Join(" | ", cells)} |"));
            }

            Console.Out.WriteLine($"({seeds.Count} seeds, fidelity {fidelity.Name}; std is the sample standard deviation; results in {output})");
            if (failures.Count == 0)
                return ExitCodes.Success;
            Console.Error.WriteLine($"{failures.Count} training(s) failed, left out of the table and of {output}: {string.Join("; ", failures)}. Run the same command again to retry them; the others are kept.");
            return ExitCodes.Failure;
        });
}
