using NasPlatform.Abstractions;
using NasPlatform.Search;
using NasPlatform.Search.Constraints;
using NasPlatform.Workflows.Blockwise;
using System.ComponentModel;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// <c>nas combine EXP [--top K] [--retrain] [--out DIR]</c>: the combination step of a block-wise search (DNA). Reads
/// the experiment's completed block ratings from its store, picks the K combinations (one candidate per block) with
/// the best summed primary objective whose totals meet the experiment's upper bounds on additive free statistics
/// (exactly, <see cref="BlockCombiner"/>), writes each assembled candidate, and with --retrain trains each through
/// the evaluator's <see cref="IFinalTrainer"/> (as `nas train-final` does).
/// </summary>
public sealed class CombineCommand : AsyncCommand<CombineCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--top <K>")]
        [Description("How many of the best combinations to write (and retrain); default 1.")]
        public int Top { get; init; } = 1;

        [CommandOption("--retrain")]
        [Description("Train each assembled network for deployment with the evaluator's final training (test-split metrics, model saved).")]
        public bool Retrain { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for combination-K/ (candidate.json, combination.json, the retrained model); default <store file>.artifacts/<id>-<experiment>/final.")]
        public string? Out { get; init; }

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the final training (default: derived from the experiment seed and the rank).")]
        public int? Seed { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            if (settings.Top < 1)
            {
                throw new NasConfigurationException($"--top must be at least 1 (got {settings.Top}).");
            }

            using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
            var spec = located.Spec;
            var plugins = PluginCatalog.LoadDefault(settings.PluginDirectories);
            var space = ComponentResolver.CreateSearchSpace(spec, plugins);
            var blockwise = space as IBlockwiseSpace ?? throw new NasConfigurationException(
                $"Experiment '{located.Record.Name}' searches the space '{spec.SearchSpace.Name}', which is not block-wise: `nas combine` needs a space whose candidates are blocks rated one at a time (such as vision's 'dna-block'). Use `nas train-final` for a whole-network trial.");
            var objective = spec.Objectives[0];
            var fidelities = located.Store.GetFidelities(located.Record.Id);
            var fidelity = spec.Fidelity ?? (fidelities.Count > 0 ? fidelities[^1].Name : null);
            var trials = located.Store.GetTrials(located.Record.Id)
                .Where(t => t.IsUsable && t.Fidelity == fidelity && t.Metrics.TryGetValue(objective.Metric, out var v) && double.IsFinite(v))
                .ToList();

            var (bounds, ignored) = Bounds(spec, blockwise, trials);
            var options = OptionsPerBlock(located.Record.Name, blockwise, trials, bounds, objective, fidelity, settings.Experiment);
            double[] fixedCosts = [.. bounds.Select(b => blockwise.FixedStatistics[b.Statistic])];
            var best = BlockCombiner.Best(options, fixedCosts, bounds, settings.Top);
            if (best.Count == 0)
            {
                throw new NasConfigurationException(NoCombination(options, fixedCosts, bounds));
            }

            var root = Path.GetFullPath(settings.Out ?? ExperimentFolders.Final(located.Store.Location, located.Record.Id, located.Record.Name));
            var evaluator = settings.Retrain ? ComponentResolver.CreateEvaluator(spec, plugins) : null;
            try
            {
                var final = evaluator is null ? null : evaluator as IFinalTrainer ?? throw new NasConfigurationException(
                    $"The evaluator '{spec.Evaluator.Name}' has no final training, so --retrain cannot train the assembled network; drop --retrain and evaluate {root}/combination-1/candidate.json another way.");
                var results = new JArray();
                using var ctrlC = new CtrlC(cancellationToken);
                for (var rank = 1; rank <= best.Count; rank++)
                {
                    var combination = best[rank - 1];
                    var folder = Path.Combine(root, $"combination-{rank}");
                    Directory.CreateDirectory(folder);
                    var json = Describe(located.Record.Name, blockwise, combination, bounds, objective.Metric, fidelity, rank);
                    var assembled = Candidate.From(json["candidate"]!);
                    File.WriteAllText(Path.Combine(folder, "candidate.json"), assembled.ToJson().ToString(Formatting.Indented));
                    if (!settings.Json)
                    {
                        Console.Out.WriteLine(Summary(json, objective.Metric, folder));
                    }

                    if (final is not null)
                    {
                        var seed = settings.Seed ?? SeedSequence.Derive(spec.Seed, 2_000_000 + rank);
                        var request = new EvaluationRequest(assembled, evaluator!.Fidelities[^1], seed, folder);
                        if (await TrainFinalAsync(final, request, rank, settings.Json, ctrlC.Token).ConfigureAwait(false) is not { } trained)
                        {
                            return RunHost.Interrupted;
                        }

                        json["final"] = trained;
                    }

                    json["folder"] = folder;
                    File.WriteAllText(Path.Combine(folder, "combination.json"), json.ToString(Formatting.Indented));
                    results.Add(json);
                }

                WriteSummary(located.Record.Name, objective, fidelity, bounds, ignored, results, settings.Json);
                return ExitCodes.Success;
            }
            finally
            {
                (evaluator as IDisposable)?.Dispose();
            }
        });

    /// <summary>
    /// Trains one assembled candidate with the evaluator's final training, reporting progress on stderr unless
    /// <paramref name="json"/>; the "final" part of its combination.json, or null when interrupted (Ctrl+C).
    /// </summary>
    private static async Task<JObject?> TrainFinalAsync(IFinalTrainer final, EvaluationRequest request, int rank, bool json, CancellationToken cancellationToken)
    {
        if (!json)
        {
            Console.Error.WriteLine($"combination {rank}: final training (all training data, test split), seed {request.Seed}, into {request.WorkDirectory}");
        }

        var progress = new Progress<EvaluationProgress>(p =>
        {
            if (!json)
            {
                Console.Error.WriteLine($"  {p.Message}");
            }
        });
        var started = DateTimeOffset.UtcNow;
        EvaluationResult result;
        try
        {
            result = await final.TrainFinalAsync(request, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Interrupted: the assembled candidates written so far are kept; no model was saved for this one.");
            return null;
        }

        if (!json)
        {
            Console.Out.WriteLine("  final: " + string.Join(", ", result.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {JsonNumbers.Rounded(m.Value)}")));
        }

        return new JObject
        {
            ["seed"] = request.Seed,
            ["seconds"] = Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 3),
            ["metrics"] = new JObject(result.Metrics.Select(m => new JProperty(m.Key, JsonNumbers.Rounded(m.Value)))),
            ["artifacts"] = new JObject(result.Artifacts.Select(a => new JProperty(a.Name, a.Path)).DistinctBy(p => p.Name)),
        };
    }

    /// <summary>The whole result as one JSON document with --json; otherwise the note on constraints left to the trials.</summary>
    private static void WriteSummary(string experiment, Abstractions.Objectives.Objective objective, string? fidelity, List<CostBound> bounds, List<string> ignored, JArray results, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(new JObject
            {
                ["experiment"] = experiment,
                ["objective"] = objective.ToString(),
                ["fidelity"] = fidelity,
                ["bounds"] = new JArray(bounds.Select(b => b.ToString())),
                ["ignoredConstraints"] = new JArray(ignored),
                ["combinations"] = results,
            }.ToString(Formatting.Indented));
        }
        else if (ignored.Count > 0)
        {
            Console.Out.WriteLine($"constraints on metrics already held per trial: {string.Join(", ", ignored)}");
        }
    }

    private static (List<CostBound> Bounds, List<string> Ignored) Bounds(ExperimentSpec spec, IBlockwiseSpace space, IReadOnlyList<TrialRecord> trials)
    {
        var bounds = new List<CostBound>();
        var ignored = new List<string>();
        foreach (var constraint in spec.Constraints)
        {
            if (space.FixedStatistics.ContainsKey(constraint.Quantity))
            {
                if (constraint.Operator is not (ComparisonOperator.LessOrEqual or ComparisonOperator.Less))
                {
                    throw new NasConfigurationException($"Constraint '{constraint}' of experiment '{spec.Name}' is a lower bound; `nas combine` combines blocks under upper bounds (<=, <) only. Remove it or turn it into an upper bound.");
                }

                bounds.Add(new CostBound(constraint.Quantity, constraint.Bound, constraint.Operator == ComparisonOperator.Less));
            }
            else if (trials.Any(t => t.FreeStatistics.ContainsKey(constraint.Quantity)))
            {
                throw new NasConfigurationException(
                    $"Constraint '{constraint}' of experiment '{spec.Name}' is on '{constraint.Quantity}', which does not add up over blocks (the space's additive statistics: {string.Join(", ", space.FixedStatistics.Keys)}); `nas combine` cannot bound it.");
            }
            else
            {
                ignored.Add(constraint.ToString());
            }
        }

        return (bounds, ignored);
    }

    private static List<IReadOnlyList<BlockOption<TrialRecord>>> OptionsPerBlock(string experiment, IBlockwiseSpace space, IReadOnlyList<TrialRecord> trials,
        IReadOnlyList<CostBound> bounds, Abstractions.Objectives.Objective objective, string? fidelity, string argument)
    {
        var byBlock = trials.GroupBy(t => space.BlockOf(t.Candidate)).ToDictionary(g => g.Key, g => g.ToList());
        var missing = Enumerable.Range(0, space.BlockCount).Where(k => !byBlock.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new NasConfigurationException(
                $"Experiment '{experiment}' has no completed rating (metric '{objective.Metric}' at fidelity '{fidelity ?? "none"}') for block{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)} of {space.BlockCount}; "
                + $"every block needs at least one. Raise the budget and `nas resume {argument}` (`nas status {argument}` lists the trials).");
        }

        return [.. Enumerable.Range(0, space.BlockCount).Select(k => (IReadOnlyList<BlockOption<TrialRecord>>)[.. byBlock[k].Select(t =>
            new BlockOption<TrialRecord>(t, objective.Utility(t.Metrics[objective.Metric]), [.. bounds.Select(b => t.FreeStatistics[b.Statistic])]))])];
    }

    private static string NoCombination(IReadOnlyList<IReadOnlyList<BlockOption<TrialRecord>>> options, double[] fixedCosts, IReadOnlyList<CostBound> bounds)
    {
        var smallest = BlockCombiner.SmallestCosts(options, fixedCosts);
        var broken = bounds.Select((b, i) => (Bound: b, Smallest: smallest[i])).Where(x => !x.Bound.Admits(x.Smallest)).ToList();
        var least = string.Join(", ", bounds.Select((b, i) => $"{b.Statistic} {JsonNumbers.Rounded(smallest[i])}"));
        return broken.Count > 0
            ? "No combination of the rated blocks meets " + string.Join(" and ", broken.Select(x => $"'{x.Bound}': the smallest achievable {x.Bound.Statistic} is {JsonNumbers.Rounded(x.Smallest)}"))
              + " (the fixed part plus each block's cheapest rated candidate). Loosen the constraint, or rate cheaper candidates (a larger budget)."
            : $"No combination of the rated blocks meets {string.Join(" and ", bounds.Select(b => $"'{b}'"))} together, although each alone can be met (smallest: {least}). Loosen one, or rate more candidates.";
    }

    private static JObject Describe(string experiment, IBlockwiseSpace space, BlockCombination<TrialRecord> combination, IReadOnlyList<CostBound> bounds, string metric, string? fidelity, int rank)
    {
        var assembled = space.Assemble([.. combination.Items.Select(t => t.Candidate)]);
        var measured = space.AssembledStatistics(assembled);
        for (var i = 0; i < bounds.Count; i++)
        {
            var statistic = bounds[i].Statistic;
            if (!measured.TryGetValue(statistic, out var value) || Math.Abs(value - combination.Costs[i]) > 0.5)
            {
                // The space promised additivity (IBlockwiseSpace); a mismatch is a bug in it, not bad input.
                throw new InvalidOperationException($"The assembled network's {statistic} is {(measured.TryGetValue(statistic, out var m) ? JsonNumbers.Rounded(m) : "missing")}, but the fixed part plus its blocks' sum is {JsonNumbers.Rounded(combination.Costs[i])}: the space's statistics are not additive.");
            }
        }

        return new JObject
        {
            ["experiment"] = experiment,
            ["rank"] = rank,
            ["fidelity"] = fidelity,
            [$"{metric}Sum"] = JsonNumbers.Rounded(combination.Items.Sum(t => t.Metrics[metric])),
            ["statistics"] = new JObject(measured.Select(s => new JProperty(s.Key, JsonNumbers.Rounded(s.Value)))),
            ["fixedStatistics"] = new JObject(space.FixedStatistics.Select(s => new JProperty(s.Key, JsonNumbers.Rounded(s.Value)))),
            ["bounds"] = new JArray(bounds.Select(b => b.ToString())),
            ["blocks"] = new JArray(combination.Items.Select((t, k) => new JObject
            {
                ["block"] = k,
                ["trial"] = t.Number,
                [metric] = JsonNumbers.Rounded(t.Metrics[metric]),
                ["freeStatistics"] = new JObject(t.FreeStatistics.Select(s => new JProperty(s.Key, JsonNumbers.Rounded(s.Value)))),
                ["candidate"] = t.Candidate.ToJson(),
            })),
            ["candidate"] = assembled.ToJson(),
        };
    }

    private static string Summary(JObject json, string metric, string folder)
    {
        var blocks = string.Join(", ", json["blocks"]!.Select(b => $"block {b["block"]}: trial {b["trial"]} ({metric} {b[metric]})"));
        var statistics = string.Join(", ", ((JObject)json["statistics"]!).Properties().Select(p => $"{p.Name} {p.Value}"));
        return string.Create(CultureInfo.InvariantCulture, $"combination {json["rank"]}: {metric} sum {json[$"{metric}Sum"]}; {statistics}\n  {blocks}\n  written to {folder}");
    }
}
