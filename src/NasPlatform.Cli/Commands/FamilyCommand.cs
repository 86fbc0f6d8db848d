using NasPlatform.Abstractions;
using NasPlatform.Search.Constraints;
using NasPlatform.Search.Predictors;
using NasPlatform.Search.Torch;
using NasPlatform.Workflows.Families;
using System.ComponentModel;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Torch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// <c>nas family EXP --constraints "params &lt;= 1e6" "params &lt;= 2e6" [--top K] [--json] [-o FILE]</c>:
/// NARS stage 2. Fits a predictor on the finished experiment's trials and searches, on the
/// predictor alone, the best candidates under each constraint set; no new evaluation.
/// </summary>
public sealed class FamilyCommand : Command<FamilyCommand.Settings>
{
    public sealed class Settings : ExperimentSettings
    {
        [CommandOption("--constraints <SET>")]
        [Description("A constraint set on free statistics, e.g. \"params <= 1e6\" or \"params <= 2e6, flops <= 3e8\" (comma: all must hold). Repeatable; further sets may follow as plain arguments.")]
        public string[] Constraints { get; init; } = [];

        [CommandArgument(1, "[SETS]")]
        [Description("More constraint sets, after --constraints.")]
        public string[] MoreConstraints { get; init; } = [];

        [CommandOption("--top <K>")]
        [Description("Candidates per family (default 5).")]
        public int Top { get; init; } = 5;

        [CommandOption("--predictor <NAME>")]
        [Description("mlp-ensemble or gp (default: the experiment's strategy option \"predictor\", else mlp-ensemble).")]
        public string? Predictor { get; init; }

        [CommandOption("--folds <N>")]
        [Description("Folds of the cross-validated check of the predictor's ranking (default 5; 0 skips it).")]
        public int Folds { get; init; } = 5;

        [CommandOption("-o|--output <FILE>")]
        [Description("Also write the family as JSON to FILE.")]
        public string? Output { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Guard(() =>
        {
            var sets = settings.Constraints.Concat(settings.MoreConstraints).Select(ParseSet).ToList();
            if (sets.Count == 0)
            {
                throw new NasConfigurationException("Give at least one constraint set, e.g. --constraints \"params <= 1e6\" \"params <= 2e6\".");
            }

            if (settings.Top < 1 || settings.Folds < 0 || settings.Folds == 1)
            {
                throw new NasConfigurationException($"--top must be at least 1 and --folds 0 or at least 2 (got {settings.Top} and {settings.Folds}).");
            }

            using var located = ExperimentLocator.Locate(settings.Experiment, settings.Name);
            var spec = located.Spec;
            var options = (JObject)spec.Strategy.Options.DeepClone();
            if (settings.Predictor is { } name)
            {
                options["predictor"] = name;
            }

            var predictorSettings = PredictorSettings.FromOptions(options, "--predictor");
            if (predictorSettings.Predictor == MlpEnsemble.PredictorName)
            {
                RequireTorch();
                // A small network: LibTorch's intra-op threads only wait on each other; the predictor scores chunks on all cores itself.
                TorchThreads.UseHostDefault();
            }

            var plugins = PluginCatalog.LoadDefault(settings.PluginDirectories);
            var space = ComponentResolver.CreateSearchSpace(spec, plugins);
            var evaluator = ComponentResolver.CreateEvaluator(spec, plugins);
            var fidelities = evaluator.Fidelities;
            var fidelity = spec.Fidelity is { } f ? fidelities.FirstOrDefault(x => x.Name == f) ?? fidelities[^1] : fidelities[^1];
            (evaluator as IDisposable)?.Dispose();
            var objectives = new ObjectiveSet(spec.Objectives);
            var strategyContext = new StrategyContext(space, objectives, fidelities, fidelity, spec.Seed);
            var trials = located.Store.GetTrials(located.Record.Id).Where(t => t.IsFinished).Select(t => t.ToOutcome()).ToList();

            var result = FamilySearch.Run(strategyContext, trials, predictorSettings, SearchComponents.Predictors, sets, settings.Top, settings.Folds);
            var json = Json(located.Record.Name, objectives.Primary, result);
            if (settings.Output is { } output)
            {
                var temporary = output + ".partial";
                File.WriteAllText(temporary, json.ToString(Formatting.Indented));
                File.Move(temporary, output, overwrite: true);
                Console.Error.WriteLine($"{result.Families.Count} families written to {output}");
            }

            if (settings.Json)
            {
                Console.Out.WriteLine(json.ToString(Formatting.Indented));
            }
            else
            {
                Write(objectives.Primary, result);
            }

            return ExitCodes.Success;
        });

    private static void RequireTorch()
    {
        try
        {
            TorchRuntime.EnsureAvailable();
        }
        catch (TorchUnavailableException e)
        {
            throw new NasConfigurationException($"The mlp-ensemble predictor needs TorchSharp: {e.Message} Or use --predictor gp.", e);
        }
    }

    private static List<Constraint> ParseSet(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            throw new NasConfigurationException($"Constraint set '{text}' is empty; write e.g. \"params <= 1e6\".");
        }

        return parts.Select(p => Constraint.TryParse(p, out var c)
            ? c!
            : throw new NasConfigurationException($"'{p}' (in constraint set '{text}') is not a constraint; write 'quantity OP number' with OP one of <=, <, >=, >, e.g. \"params <= 1e6\".")).ToList();
    }

    private static void Write(Objective primary, FamilySearchResult result)
    {
        var quality = result.CrossValidationFolds > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{result.CrossValidationFolds}-fold Kendall tau {Number(result.KendallTau, "F3")}, Spearman rho {Number(result.SpearmanRho, "F3")}")
            : "quality not checked (--folds 0)";
        AnsiConsole.MarkupLine(Markup.Escape($"predictor: {result.Predictor}, fitted on {result.TrainedOn} trials; {quality}"));
        foreach (var family in result.Families)
        {
            var statistics = family.Members.SelectMany(m => m.FreeStatistics.Keys).Distinct().ToList();
            var table = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape($"{string.Join(", ", family.Constraints)} ({family.Scored:N0} candidates scored in {family.Seconds:F2} s)"))
                .AddColumn("#").AddColumn("candidate")
                .AddColumn(new TableColumn(Markup.Escape($"predicted {primary.Metric}")).RightAligned())
                .AddColumn(new TableColumn("measured").RightAligned());
            statistics.ForEach(s => table.AddColumn(new TableColumn(Markup.Escape(s)).RightAligned()));
            var rank = 0;
            foreach (var member in family.Members)
            {
                var cells = new List<string>
                {
                    (++rank).ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(member.Candidate.Json),
                    $"{TrialText.Number(member.Predicted)} ± {TrialText.Number(member.Spread)}",
                    member.Measured is { } m ? TrialText.Number(m) : "-",
                };
                cells.AddRange(statistics.Select(s => member.FreeStatistics.TryGetValue(s, out var v) ? TrialText.Number(v) : "-"));
                table.AddRow(cells.ToArray());
            }

            AnsiConsole.Write(table);
            if (family.Members.Count == 0)
            {
                AnsiConsole.WriteLine("no candidate found that meets these constraints");
            }
        }

        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {result.ScoringThroughput:N0} candidates/s scored by the predictor; {result.SearchThroughput:N0} candidates/s through the whole search (sampling, mutation, encoding, free statistics)")));
    }

    private static JObject Json(string experiment, Objective primary, FamilySearchResult result) => new()
    {
        ["experiment"] = experiment,
        ["objective"] = new JObject { ["metric"] = primary.Metric, ["direction"] = primary.Direction.ToString().ToLowerInvariant() },
        ["predictor"] = new JObject
        {
            ["name"] = result.Predictor,
            ["trainedOn"] = result.TrainedOn,
            ["crossValidationFolds"] = result.CrossValidationFolds,
            ["kendallTau"] = Finite(result.KendallTau),
            ["spearmanRho"] = Finite(result.SpearmanRho),
        },
        ["throughput"] = new JObject
        {
            ["scoredPerSecond"] = Math.Round(result.ScoringThroughput),
            ["searchedPerSecond"] = Math.Round(result.SearchThroughput),
        },
        ["families"] = new JArray(result.Families.Select(f => new JObject
        {
            ["constraints"] = new JArray(f.Constraints.Select(c => c.ToString())),
            ["scored"] = f.Scored,
            ["seconds"] = Math.Round(f.Seconds, 3),
            ["candidates"] = new JArray(f.Members.Select(m => new JObject
            {
                ["candidate"] = m.Candidate.ToJson(),
                ["predicted"] = m.Predicted,
                ["spread"] = m.Spread,
                ["measured"] = m.Measured is { } v ? v : JValue.CreateNull(),
                ["freeStatistics"] = new JObject(m.FreeStatistics.Select(s => new JProperty(s.Key, s.Value))),
            })),
        })),
    };

    private static JToken Finite(double value) => double.IsFinite(value) ? value : JValue.CreateNull();

    private static string Number(double value, string format) => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
}
