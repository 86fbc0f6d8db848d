using NasPlatform.Abstractions;
using System.ComponentModel;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Dashboard;
using NasPlatform.Engine;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>
/// `nas dashboard [EXP|STORE|DIR]`: a read-only web page over experiment stores, live while a run
/// writes them; a folder is watched for new stores. Loopback only unless --allow-remote: it has no authentication.
/// </summary>
public sealed class DashboardCommand : AsyncCommand<DashboardCommand.Settings>
{
    public sealed class Settings : NasSettings
    {
        [CommandArgument(0, "[EXP]")]
        [Description("Experiment files (.json), stores (.db) or folders to watch (their stores, and new ones as runs create them); default: the current folder.")]
        public string[] Experiments { get; init; } = [];

        [CommandOption("--experiment <NAME>")]
        [Description("Only this experiment of each store.")]
        public string? Name { get; init; }

        [CommandOption("--host <ADDRESS>")]
        [Description("Address to listen on (default 127.0.0.1); a non-loopback one needs --allow-remote.")]
        public string Host { get; init; } = "127.0.0.1";

        [CommandOption("--port <N>")]
        [Description("Port (default 8050; 0 picks a free one).")]
        public int Port { get; init; } = 8050;

        [CommandOption("--allow-remote")]
        [Description("Serve on a non-loopback --host: anyone who reaches it reads every experiment shown (no authentication).")]
        public bool AllowRemote { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            if (settings.Port is < 0 or > 65535)
            {
                throw new NasConfigurationException($"--port {settings.Port} is not a port; use 1-65535, or 0 for a free one.");
            }

            // No argument: the current folder, watched, so `nas dashboard` then `nas run FILE` shows the run.
            var sources = settings.Experiments.Length > 0 ? settings.Experiments : ["."];
            var options = new DashboardOptions
            {
                Sources = sources,
                ExperimentName = settings.Name,
                Host = settings.Host,
                Port = settings.Port,
                AllowRemote = settings.AllowRemote,
                PluginDirectories = settings.PluginDirectories,
            };
            using var ctrlC = new CtrlC(cancellationToken);
            DashboardServer server;
            try
            {
                server = await DashboardServer.StartAsync(options, ctrlC.Token).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new NasConfigurationException($"Cannot listen on {settings.Host}:{settings.Port}: {e.Message}. Choose another --port (0 picks a free one).", e);
            }

            await using (server.ConfigureAwait(false))
            {
                Console.Out.WriteLine($"dashboard on {server.Address} ({string.Join(", ", sources)}); Ctrl+C stops it");
                try
                {
                    await Task.Delay(Timeout.Infinite, ctrlC.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C or SIGTERM: stop serving.
                }
            }

            return ExitCodes.Success;
        });
}
