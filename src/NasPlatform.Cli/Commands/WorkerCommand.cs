using NasPlatform.Abstractions;
using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Distributed.Hosting;
using NasPlatform.Distributed.Worker;
using NasPlatform.Engine;
using NasPlatform.Engine.Plugins;
using NasPlatform.Torch;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

/// <summary>`nas worker --cluster redis://HOST:PORT`: a silo that evaluates trials for coordinators until stopped.</summary>
public sealed class WorkerCommand : AsyncCommand<WorkerCommand.Settings>
{
    public sealed class Settings : NasSettings
    {
        [CommandOption("--cluster <ADDRESS>")]
        [Description("The cluster's Redis server, redis://HOST:PORT (the same for every worker and `nas run --cluster`).")]
        public string Cluster { get; init; } = string.Empty;

        [CommandOption("--slots <N>")]
        [Description("Trials evaluated at once on this machine (default: one per core; one per GPU on a GPU machine).")]
        public int? Slots { get; init; }

        [CommandOption("--host <ADDRESS>")]
        [Description("The IP address other machines reach this worker at, and the only one its ports listen on (default: this machine's first IPv4 address that is not loopback).")]
        public string? Host { get; init; }

        [CommandOption("--silo-port <PORT>")]
        [Description("Port for the other workers (default 11111).")]
        public int SiloPort { get; init; } = 11111;

        [CommandOption("--gateway-port <PORT>")]
        [Description("Port coordinators connect to (default 30000).")]
        public int GatewayPort { get; init; } = 30000;

        [CommandOption("--work-dir <DIR>")]
        [Description("Where trials write their files when the coordinator's trial folder is not visible here (default: a folder in the system's temp).")]
        public string? WorkDirectory { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        CommandErrors.GuardAsync(async () =>
        {
            if (string.IsNullOrWhiteSpace(settings.Cluster))
            {
                throw new NasConfigurationException("nas worker: --cluster redis://HOST:PORT is required (the Redis server of the cluster).");
            }

            var cluster = ClusterAddress.Parse(settings.Cluster, "--cluster");
            if (settings.Slots is < 1)
            {
                throw new NasConfigurationException($"--slots must be at least 1, not {settings.Slots}.");
            }

            // As in `nas run`: slots parallelize trials, so LibTorch keeps to one thread each process.
            TorchThreads.UseHostDefault();

            var plugins = PluginCatalog.LoadDefault(settings.PluginDirectories);
            foreach (var failure in plugins.Failures)
            {
                Console.Error.WriteLine($"Plugin not loaded: {failure.Path}: {failure.Reason}");
            }

            var options = new WorkerOptions
            {
                Slots = settings.Slots ?? Environment.ProcessorCount,
                WorkRoot = settings.WorkDirectory is { } dir ? Path.GetFullPath(dir) : new WorkerOptions().WorkRoot,
                Log = line => Console.Error.WriteLine(line),
                // Command lines of distributable plugin commands (`nas eda dataset --cluster`) run here, in this process.
                RunPluginCommand = (plugin, commandLine, output, token) => PluginCommands.RunOnWorkerAsync(plugins, plugin, commandLine, output, token),
            };
            var endpoint = new WorkerEndpoint(Advertised(settings.Host), settings.SiloPort, settings.GatewayPort);
            var worker = new WorkerSupervisor(cluster, endpoint, plugins, options);
            using var ctrlC = new CtrlC(cancellationToken);
            try
            {
                await worker.StartAsync(ctrlC.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new NasConfigurationException(
                    $"Could not join the cluster at {cluster} as {endpoint.Address}:{endpoint.SiloPort}: {e.GetType().Name}: {e.Message} Check that redis-server runs there and that the ports are free (--silo-port, --gateway-port).");
            }
            catch (OperationCanceledException)
            {
                return RunHost.Interrupted;
            }

            Console.Out.WriteLine($"Worker ready: {endpoint.Address}:{endpoint.SiloPort} (gateway {endpoint.GatewayPort}) in cluster {cluster}, {options.Slots} slot(s). Ctrl+C stops it.");
            // Until Ctrl+C or SIGTERM; joins again by itself if Redis loses the cluster's membership.
            await worker.WatchAsync(ctrlC.Token).ConfigureAwait(false);

            // Leave the cluster cleanly; unfinished trials' leases lapse and they run elsewhere.
            if (!await worker.StopAsync().ConfigureAwait(false))
            {
                Console.Error.WriteLine(
                    $"Worker stopped but did not leave the cluster cleanly within {WorkerHost.GracefulStop.TotalSeconds:0} s (is redis-server at {cluster} reachable?); the leases of its unfinished trials lapse and they run elsewhere.");
            }

            // Stopped by a signal, like a run stopped by Ctrl+C: the README's exit code 130.
            return RunHost.Interrupted;
        });

    private static IPAddress Advertised(string? host)
    {
        if (host is not null)
        {
            return IPAddress.TryParse(host, out var given)
                ? given
                : throw new NasConfigurationException($"--host: '{host}' is not an IP address; give the address other machines reach this one at.");
        }

        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
               ?? IPAddress.Loopback;
    }
}
