using NasPlatform.Abstractions;
using System.ComponentModel;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine;
using NasPlatform.Engine.Plugins;
using NasPlatform.Reporting;
using NasPlatform.Reporting.Data;
using NasPlatform.Torch;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// `nas report EXP [EXP...]`: PNG charts and one self-contained HTML file on one or more
/// experiments, read from their stores without disturbing a run that is writing them.
/// </summary>
public sealed class ReportCommand : Command<ReportCommand.Settings>
{
    public sealed class Settings : NasSettings
    {
        [CommandArgument(0, "<EXP>")]
        [Description("Experiment files (.json) or stores (.db); a store stands for all its experiments. Several are compared in the best-so-far charts.")]
        public string[] Experiments { get; init; } = [];

        [CommandOption("--experiment <NAME>")]
        [Description("Only this experiment of each store.")]
        public string? Name { get; init; }

        [CommandOption("-o|--output <DIR>")]
        [Description("Folder for report.html and the PNG charts (default: <first experiment>-report beside its store).")]
        public string? Output { get; init; }

        [CommandOption("--no-views")]
        [Description("Skip what needs the plugins: their domain views and the predictor's replayed predicted-vs-measured chart.")]
        public bool NoViews { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.Guard(() =>
        {
            if (settings.Experiments.Length == 0)
            {
                throw new NasConfigurationException("Name at least one experiment file (.json) or store (.db): nas report EXP [EXP...].");
            }

            var sources = new List<ExperimentSource>();
            try
            {
                foreach (var argument in settings.Experiments)
                {
                    sources.Add(ExperimentSource.Open(argument, settings.Name));
                }

                var snapshots = sources.SelectMany(s => s.Snapshots()).ToList();
                if (snapshots.Count == 0)
                {
                    throw new NasConfigurationException($"{string.Join(", ", settings.Experiments)} hold no experiment yet. Start one with `nas run FILE`.");
                }

                // Replaying predictor refits trains tiny networks: one LibTorch thread, as `nas run` does (RunHost).
                if (!settings.NoViews)
                {
                    TorchThreads.UseHostDefault();
                }

                var plugins = settings.NoViews ? null : PluginCatalog.LoadDefault(settings.PluginDirectories);
                var report = Report.Build(snapshots, plugins, cancellationToken);
                var folder = settings.Output ?? Path.Combine(Path.GetDirectoryName(snapshots[0].StorePath)!, snapshots[0].Name + "-report");
                var html = report.WriteTo(folder);
                if (settings.Json)
                {
                    var json = new Newtonsoft.Json.Linq.JObject
                    {
                        ["html"] = html,
                        ["charts"] = new Newtonsoft.Json.Linq.JArray(report.Charts.Select(c => Path.Combine(Path.GetFullPath(folder), c.Id + ".png"))),
                        ["experiments"] = new Newtonsoft.Json.Linq.JArray(snapshots.Select(s => s.Name)),
                    };
                    Console.Out.WriteLine(json.ToString());
                }
                else
                {
                    Console.Out.WriteLine($"report on {string.Join(", ", snapshots.Select(s => s.Name))}: {html}");
                    foreach (var chart in report.Charts)
                    {
                        Console.Out.WriteLine($"  {chart.Id}.png  {chart.Title}");
                    }
                }

                return ExitCodes.Success;
            }
            finally
            {
                sources.ForEach(s => s.Dispose());
            }
        });
}
