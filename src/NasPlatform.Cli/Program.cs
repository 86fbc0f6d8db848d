using NasPlatform.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace NasPlatform.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        RedirectedOutput.Widen();
        var plugins = PluginCommands.For(args, NasCommands.HostCommands);
        // `nas eda bench candidates ...`: a host command named under a plugin's group runs as the host's own.
        args = plugins.HostCommandUnderGroup(args, NasCommands.HostCommands) ?? args;
        if (plugins.TryRun(args) is { } pluginExit)
        {
            return pluginExit;
        }

        var commands = new CommandTable();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetExceptionHandler((exception, _) => UnhandledErrors.Report(exception, args, commands));
            NasCommands.Configure(config, commands);
            plugins.AddToHelp(config, commands);
        });
        var code = app.Run(args);

        // Spectre shows the help for a bare `nas` (exit 0) or a bare branch like `nas bench` (exit 1): both name
        // no command to run, a usage error like any other.
        var (command, consumed) = commands.Resolve(args);
        return command.IsBranch && consumed == args.Length ? ExitCodes.BadInput : code;
    }
}
