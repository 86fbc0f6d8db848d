using NasPlatform.Cli.Commands;
using NasPlatform.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace NasPlatform.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        RedirectedOutput.Widen();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("nas");
            config.SetExceptionHandler((exception, _) => UnhandledErrors.Report(exception));
            config.AddCommand<PluginsCommand>("plugins").WithDescription("List loaded plugins, their search spaces and evaluators, and plugins that failed to load.");
            config.AddCommand<ValidateCommand>("validate").WithDescription("Check an experiment file against the schema and the plugins.");
            config.AddCommand<RunCommand>("run").WithDescription("Run an experiment file.");
            config.AddCommand<ResumeCommand>("resume").WithDescription("Continue an experiment after a crash, a kill or a stop.");
            config.AddCommand<WorkerCommand>("worker").WithDescription("Join a cluster as a worker that evaluates trials of `nas run --cluster` (same plugins on every machine).");
            config.AddCommand<StatusCommand>("status").WithDescription("Show an experiment's trials and best result.");
            config.AddCommand<ProxyCheckCommand>("proxy-check").WithDescription("Rank sampled candidates at every fidelity against the highest (Kendall tau, Spearman) to pick a cheap proxy.");
            config.AddCommand<ExportCommand>("export").WithDescription("Export an experiment's trials as CSV or JSON.");
            config.AddCommand<TrainFinalCommand>("train-final").WithDescription("Retrain a trial's candidate for deployment (final training, test-set metrics) and save the model with its candidate JSON.");
            config.AddCommand<CombineCommand>("combine").WithDescription("Block-wise search (DNA): combine an experiment's rated blocks into the best whole network under its constraints; --retrain trains it for deployment.");
            config.AddCommand<FamilyCommand>("family").WithDescription("Search a finished experiment's predictor for the best candidates under several constraint sets (no new evaluations).");
            config.AddCommand<ReportCommand>("report").WithDescription("Write PNG charts and one self-contained HTML report on one or more experiments.");
            config.AddCommand<DashboardCommand>("dashboard").WithDescription("Serve a read-only web dashboard over experiment stores, live while a run writes them.");
            config.AddBranch("bench", bench =>
            {
                bench.SetDescription("Benchmarks on tabular spaces.");
                bench.AddCommand<BenchStrategiesCommand>("strategies").WithDescription("Compare strategies on a lookup table with a query budget.");
            });
            config.AddBranch("eda", eda =>
            {
                eda.SetDescription("EDA routability data: place and route generated designs with qflow/qrouter.");
                eda.AddCommand<EdaDatasetCommand>("dataset").WithDescription("Build (or resume) a routability dataset: design x density x seed placements, each routed for layers x blockage.");
                eda.AddCommand<EdaBenchCommand>("bench").WithDescription("Evaluate hand-designed candidates and an experiment's best trial side by side over several seeds (mean +- std).");
            });
        });
        return app.Run(args);
    }
}
