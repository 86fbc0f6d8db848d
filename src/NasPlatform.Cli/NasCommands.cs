using NasPlatform.Cli.Commands;
using NasPlatform.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace NasPlatform.Cli;

/// <summary>
/// Every <c>nas</c> command with its description and examples (shown by <c>nas COMMAND --help</c>; each runs as
/// written from the repository root, and a test parses them all). Each command is also entered in a
/// <see cref="CommandTable"/>, from which a mistyped name gets its suggestion.
/// </summary>
internal static class NasCommands
{
    private const string Tfim = "examples/quantum/tfim-8.json";

    /// <summary>The host's first words; any other first word may be a plugin's command group.</summary>
    public static IReadOnlySet<string> HostCommands { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "plugins", "validate", "run", "resume", "worker", "proxy-check", "status", "export", "train-final",
        "combine", "family", "report", "dashboard", "bench",
    };

    public static void Configure(IConfigurator config, CommandTable table)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.SetApplicationName("nas");
        config.SetApplicationVersion(ProductVersion.Text);
        // A mistyped option is an error, not an argument silently left over while the command runs with its default.
        config.UseStrictParsing();
        AddSearchCommands(config, table);
        AddResultCommands(config, table);
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Benchmarks: strategies on lookup tables, candidates side by side.");
            var branch = table.AddBranch("bench");
            Add<BenchStrategiesCommand>(bench, branch, "strategies", "Compare strategies on a lookup table with a query budget.")
                .WithExample("bench", "strategies", "examples/nb201-evolution.json", "--runs", "200", "--budget", "100", "--strategies", "random,regularized-evolution", "--seed", "0");
            Add<BenchCandidatesCommand>(bench, branch, "candidates", "Evaluate hand-designed candidates and an experiment's best trial side by side over several seeds (mean +- std).")
                .WithExample("bench", "candidates", "examples/eda/routability-nas.json", "--best", "--candidate", "routenet=examples/eda/routenet.json", "--candidate", "plain-cnn=examples/eda/plain-cnn.json", "--seeds", "0,1,2");
        });
    }

    /// <summary>Commands that check, run and distribute experiments.</summary>
    private static void AddSearchCommands(IConfigurator config, CommandTable table)
    {
        Add<PluginsCommand>(config, table, "plugins", "List loaded plugins, their search spaces and evaluators, and plugins that failed to load.")
            .WithExample("plugins")
            .WithExample("plugins", "--json");
        Add<ValidateCommand>(config, table, "validate", "Check an experiment file against the schema and the plugins.")
            .WithExample("validate", Tfim);
        Add<RunCommand>(config, table, "run", "Run an experiment file.")
            .WithExample("run", Tfim)
            .WithExample("run", "examples/hello.json", "--workers", "1");
        Add<ResumeCommand>(config, table, "resume", "Continue an experiment after a crash, a kill or a stop.")
            .WithExample("resume", Tfim);
        Add<WorkerCommand>(config, table, "worker", "Join a cluster as a worker that evaluates trials of `nas run --cluster` (same plugins on every machine).")
            .WithExample("worker", "--cluster", "redis://10.0.0.1:6379", "--host", "10.0.0.2", "--slots", "8");
        Add<ProxyCheckCommand>(config, table, "proxy-check", "Rank sampled candidates at every fidelity against the highest (Kendall tau, Spearman) to pick a cheap proxy.")
            .WithExample("proxy-check", "examples/vision/proxy-check.json", "--samples", "8");
    }

    /// <summary>Commands that read, train, combine and show what experiments found.</summary>
    private static void AddResultCommands(IConfigurator config, CommandTable table)
    {
        Add<StatusCommand>(config, table, "status", "Show an experiment's trials and best result; --verify checks its artifacts against their recorded SHA-256.")
            .WithExample("status", Tfim, "--last", "10")
            .WithExample("status", Tfim, "--verify");
        Add<ExportCommand>(config, table, "export", "Export an experiment's trials as CSV or JSON.")
            .WithExample("export", Tfim, "--format", "csv", "-o", "tfim-8.csv");
        Add<TrainFinalCommand>(config, table, "train-final", "Retrain a trial's candidate for deployment (final training, test-set metrics) and save the model with its candidate JSON.")
            .WithExample("train-final", "examples/vision/quick.json", "--trial", "3")
            .WithExample("train-final", "examples/vision/baselines.json", "--candidate", "examples/vision/candidates/lenet5-default-30.json");
        Add<CombineCommand>(config, table, "combine", "Block-wise search (DNA): combine an experiment's rated blocks into the best whole network under its constraints; --retrain trains it for deployment.")
            .WithExample("combine", "examples/vision/dna.json", "--retrain");
        Add<FamilyCommand>(config, table, "family", "Search a finished experiment's predictor for the best candidates under several constraint sets (no new evaluations).")
            .WithExample("family", "examples/nb201-predictor.json", "--constraints", "\"params <= 4e5\"", "\"params <= 8e5\"", "--top", "3");
        Add<ReportCommand>(config, table, "report", "Write PNG charts and one self-contained HTML report on one or more experiments.")
            .WithExample("report", "examples/nb201-random.json", "examples/nb201-evolution.json", "-o", "nb201-report");
        Add<DashboardCommand>(config, table, "dashboard", "Serve a read-only web dashboard over experiment stores, live while a run writes them.")
            .WithExample("dashboard", Tfim, "--port", "8080");
    }

    private static ICommandConfigurator Add<TCommand>(IConfigurator config, CommandTable table, string name, string description)
        where TCommand : class, ICommand
    {
        table.AddCommand(name, typeof(TCommand));
        return config.AddCommand<TCommand>(name).WithDescription(description);
    }

    private static ICommandConfigurator Add<TCommand>(IConfigurator<CommandSettings> config, CommandTable branch, string name, string description)
        where TCommand : class, ICommandLimiter<CommandSettings>
    {
        branch.AddCommand(name, typeof(TCommand));
        return config.AddCommand<TCommand>(name).WithDescription(description);
    }
}
