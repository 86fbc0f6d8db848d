using NasPlatform.Workflows.Fidelities;
using System.ComponentModel;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Display;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Plugins;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;
using NasPlatform.Torch;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// `nas proxy-check FILE --samples N`: evaluates N candidates of the experiment's space at every
/// fidelity and reports how well each fidelity ranks them like the highest (Kendall tau-b,
/// Spearman), with its cost. The trials go into the experiment's store as '&lt;name&gt;-proxy-check';
/// running the command again continues them.
/// </summary>
public sealed class ProxyCheckCommand : AsyncCommand<ProxyCheckCommand.Settings>
{
    public sealed class Settings : NasSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The experiment file whose space, evaluator, constraints, seed and store to use.")]
        public string File { get; init; } = string.Empty;

        [CommandOption("--samples <N>")]
        [Description("Candidates to evaluate at every fidelity (at least 2; default 50).")]
        public int Samples { get; init; } = 50;

        [CommandOption("--metric <NAME>")]
        [Description("The metric to rank by (default: the experiment's first objective).")]
        public string? Metric { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Parallel evaluations (overrides the file's \"workers\").")]
        public int? Workers { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            var spec = ExperimentFile.Load(settings.File);
            if (settings.Workers is { } workers)
            {
                spec = spec with { Workers = workers };
            }

            // One LibTorch thread, as `nas run` trains its trials (RunHost.Prepare): a seed then gives a trial's scores,
            // and two of these commands side by side do not oversubscribe the cores. An evaluator may still require more.
            TorchThreads.UseHostDefault();
            var components = ComponentResolver.Resolve(spec, PluginCatalog.LoadDefault(settings.PluginDirectories), HostStrategies.Catalog);
            using var store = SqliteTrialStore.Open(spec.StorePath);
            using var ctrlC = new CtrlC(cancellationToken);
            var check = new ProxyCheck(spec, components, store, new ProgressLines(settings.Json));
            var (summary, report) = await check.RunAsync(settings.Samples, settings.Metric, ctrlC.Token).ConfigureAwait(false);
            if (settings.Json)
            {
                Console.Out.WriteLine(Json(report, summary).ToString(Formatting.Indented));
            }
            else
            {
                Write(report, summary);
            }

            return summary.Status switch
            {
                ExperimentStatus.Completed => ExitCodes.Success,
                ExperimentStatus.Interrupted => RunHost.Interrupted,
                _ => ExitCodes.Failure,
            };
        });

    private static JObject Json(ProxyCheckReport report, RunSummary summary) => new()
    {
        ["experiment"] = report.ExperimentName,
        ["store"] = report.StorePath,
        ["status"] = summary.Status.ToString().ToLowerInvariant(),
        ["metric"] = report.Metric,
        ["samples"] = report.Samples,
        ["reference"] = report.Fidelities[^1].Fidelity,
        ["fidelities"] = new JArray(report.Fidelities.Select(f => new JObject
        {
            ["fidelity"] = f.Fidelity,
            ["cost"] = f.Cost,
            ["evaluated"] = f.Evaluated,
            ["compared"] = f.Compared,
            ["kendallTau"] = Number(f.KendallTau),
            ["spearman"] = Number(f.Spearman),
            ["meanSeconds"] = Number(f.MeanSeconds),
        })),
    };

    private static JToken Number(double value) => double.IsFinite(value) ? new JValue(value) : JValue.CreateNull();

    private static void Write(ProxyCheckReport report, RunSummary summary)
    {
        var reference = report.Fidelities[^1].Fidelity;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"proxy check: '{report.Metric}' of {report.Samples} candidates ranked against '{reference}'"))
            .AddColumn("fidelity")
            .AddColumn(new TableColumn("cost").RightAligned())
            .AddColumn(new TableColumn("evaluated").RightAligned())
            .AddColumn(new TableColumn("Kendall tau").RightAligned())
            .AddColumn(new TableColumn("Spearman").RightAligned())
            .AddColumn(new TableColumn("mean s").RightAligned());
        foreach (var f in report.Fidelities)
        {
            table.AddRow(
                Markup.Escape(f.Fidelity),
                TrialText.Number(f.Cost),
                f.Evaluated.ToString(CultureInfo.InvariantCulture),
                Correlation(f.KendallTau),
                Correlation(f.Spearman),
                double.IsNaN(f.MeanSeconds) ? "-" : f.MeanSeconds.ToString("0.000", CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        Console.Out.WriteLine($"trials stored in {report.StorePath} as experiment '{report.ExperimentName}' ({summary.Status.ToString().ToLowerInvariant()}); " +
                              $"`nas status {report.StorePath} --experiment {report.ExperimentName}` lists them.");
        if (summary.Status == ExperimentStatus.Interrupted)
        {
            Console.Out.WriteLine("Interrupted: the table covers the finished trials; run the same command again to continue.");
        }
    }

    private static string Correlation(double value) =>
        double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>One line per finished trial on stderr (stdout keeps the report), unless --json asks for quiet.</summary>
    private sealed class ProgressLines(bool quiet) : IRunObserver
    {
        public void TrialFinished(TrialRecord trial, RunSummary summary)
        {
            if (!quiet)
            {
                Console.Error.WriteLine($"trial {trial.Number} {TrialText.State(trial.State)} at {trial.Fidelity} ({summary.TrialsFinished}/{summary.TrialBudget})");
            }
        }

        public void Warning(string message) => Console.Error.WriteLine("warning: " + message);
    }
}
