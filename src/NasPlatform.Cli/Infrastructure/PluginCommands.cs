using NasPlatform.Engine.Schemas;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Engine.Plugins;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// The <c>nas</c> commands plugins contribute (<see cref="IPluginRegistry.AddCommand"/>). Plugins are loaded
/// only when the first word is not one of the host's commands, so `nas run` pays nothing for them. A plugin
/// command runs here, before Spectre (whose settings are static types); Spectre only lists it in help.
/// </summary>
internal sealed class PluginCommands
{
    private readonly IReadOnlyList<(PluginCommand Command, string PluginId)> _commands;

    private readonly PluginCatalog? _catalog;

    private readonly IReadOnlySet<string> _hostCommands;

    private PluginCommands(IReadOnlyList<(PluginCommand, string)> commands, IReadOnlySet<string> hostCommands, PluginCatalog? catalog = null)
    {
        _commands = commands;
        _hostCommands = hostCommands;
        _catalog = catalog;
    }

    /// <summary>Loads the plugins' commands when <paramref name="args"/> may name one or asks for the overall help.</summary>
    public static PluginCommands For(IReadOnlyList<string> args, IReadOnlySet<string> hostCommands)
    {
        var first = args.Count > 0 ? args[0] : null;
        var wanted = first is null or "-h" or "--help" || (!first.StartsWith('-') && !hostCommands.Contains(first));
        if (!wanted)
            return new PluginCommands([], hostCommands);
        var catalog = PluginCatalog.LoadDefault(ExtraDirectories(args));
        var commands = catalog.Plugins
            .SelectMany(p => p.Commands.Select(c => (WithHostOptions(c), p.Description.Id)))
            .Where(c => !hostCommands.Contains(c.Item1.Group))
            .ToList();
        return new PluginCommands(commands, hostCommands, catalog);
    }

    /// <summary>
    /// <paramref name="args"/> without its first word when that is a plugin's group and the second a host command the
    /// group does not define (`nas eda bench candidates EXP` is `nas bench candidates EXP`); null otherwise.
    /// </summary>
    public string[]? HostCommandUnderGroup(IReadOnlyList<string> args, IReadOnlySet<string> hostCommands)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(hostCommands);
        if (args.Count < 2 || !hostCommands.Contains(args[1]) || _commands.All(c => c.Command.Group != args[0]))
            return null;
        return _commands.Any(c => c.Command.Group == args[0] && c.Command.Name == args[1]) ? null : [.. args.Skip(1)];
    }

    /// <summary>Runs the plugin command <paramref name="commandLine"/> names; null when it names none (Spectre takes over).</summary>
    public int? TryRun(IReadOnlyList<string> commandLine)
    {
        // --plugins only says where to look; it is the host's option, not the command's.
        var args = WithoutPluginDirectories(commandLine);
        if (args.Count == 0 || _commands.All(c => c.Command.Group != args[0]))
            return null;
        var group = _commands.Where(c => c.Command.Group == args[0]).ToList();
        if (args.Count == 1 || args[1] is "-h" or "--help")
        {
            Console.Out.WriteLine($"USAGE:\n    nas {args[0]} <COMMAND> [OPTIONS]\n\nCOMMANDS:");
            foreach (var (command, _) in group)
                Console.Out.WriteLine($"    {command.Name,-20} {command.Description}");
            Console.Out.WriteLine($"\nnas's own commands work here too: `nas {args[0]} bench candidates EXP` is `nas bench candidates EXP`.");
            return args.Count == 1 ? ExitCodes.BadInput : ExitCodes.Success;
        }

        var found = group.FirstOrDefault(c => c.Command.Name == args[1]);
        if (found.Command is null)
        {
            // The group's own commands, and nas's own, which run under the group too (`nas eda bench candidates`).
            var names = group.Select(c => c.Command.Name).Concat(_hostCommands.Order(StringComparer.Ordinal)).ToList();
            var nearest = NearestName.Find(args[1], names, n => [n]);
            var hint = nearest is null ? $"; its commands: {string.Join(", ", group.Select(c => c.Command.Name))}" : $"; did you mean {nearest}?";
            Console.Error.WriteLine($"Error: unknown command '{args[1]}' for 'nas {args[0]}'{hint}");
            return ExitCodes.BadInput;
        }

        var rest = args.Skip(2).ToList();
        if (rest.Any(a => a is "-h" or "--help"))
        {
            Console.Out.Write(PluginCommandLine.Help(found.Command, found.PluginId));
            return ExitCodes.Success;
        }

        return Run(found.Command, found.PluginId, rest);
    }

    /// <summary>
    /// Runs a command line of plugin <paramref name="pluginId"/>'s commands in this process, as a worker's slot does for
    /// <c>nas eda dataset --cluster</c>: everything it writes goes to <paramref name="output"/>; bad input is exit code 2.
    /// </summary>
    public static async Task<int> RunOnWorkerAsync(PluginCatalog catalog, string pluginId, IReadOnlyList<string> commandLine, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(output);
        var command = catalog.Find(pluginId)?.Commands.FirstOrDefault(c => commandLine.Count >= 2 && c.Group == commandLine[0] && c.Name == commandLine[1]);
        if (command is null)
        {
            await output.WriteLineAsync($"nas {string.Join(' ', commandLine.Take(2))}: not a command of plugin '{pluginId}' on this worker.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var invocation = PluginCommandLine.Parse(command, [.. commandLine.Skip(2)], output, output, new StoredTrials(catalog));
            return await command.Run(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (NasConfigurationException e)
        {
            await output.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await output.WriteLineAsync($"nas {command.Group} {command.Name}: failed with {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    /// <summary>The command as the host offers it: a <see cref="PluginCommand.Distributable"/> one also takes --cluster.</summary>
    private static PluginCommand WithHostOptions(PluginCommand command) =>
        command.Distributable ? command with { Options = [.. command.Options, PluginCommandCluster.Option] } : command;

    /// <summary>Lists the commands in Spectre's help and in <paramref name="table"/> (for "did you mean").</summary>
    public void AddToHelp(IConfigurator config, CommandTable table)
    {
        foreach (var group in _commands.GroupBy(c => c.Command.Group))
        {
            var branch = table.AddBranch(group.Key);
            var plugins = string.Join(", ", group.Select(c => c.PluginId).Distinct());
            config.AddBranch(group.Key, b =>
            {
                b.SetDescription($"Commands of plugin {plugins}.");
                foreach (var (command, _) in group)
                {
                    branch.AddCommand(command.Name, typeof(PluginCommandPlaceholder));
                    b.AddCommand<PluginCommandPlaceholder>(command.Name).WithDescription(command.Description);
                }
            });
        }
    }

    private int Run(PluginCommand command, string pluginId, IReadOnlyList<string> args)
    {
        using var ctrlC = new CtrlC(CancellationToken.None);
        try
        {
            var invocation = PluginCommandLine.Parse(command, args, Console.Out, Console.Error, new StoredTrials(_catalog));
            if (invocation.Value(PluginCommandCluster.Option.Name) is not { } address)
                return command.Run(invocation, ctrlC.Token).GetAwaiter().GetResult();
            return RunOnClusterAsync(command, pluginId, args, address, ctrlC.Token).GetAwaiter().GetResult();
        }
        catch (NasConfigurationException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException) when (ctrlC.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine($"nas {command.Group} {command.Name}: stopped.");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A plugin command runs before Spectre, so Spectre's exception handler never sees what it throws:
            // without this, an I/O failure or a plugin bug would end `nas` with an unhandled-exception dump.
            return UnhandledErrors.Report(e);
        }
    }

    private async Task<int> RunOnClusterAsync(PluginCommand command, string pluginId, IReadOnlyList<string> args, string address, CancellationToken cancellationToken)
    {
        var plugin = _catalog!.Find(pluginId)!.Description;
        await using var cluster = await PluginCommandCluster.OpenAsync(address, command, new(plugin.Id, plugin.Version), Console.Error, cancellationToken).ConfigureAwait(false);
        var invocation = PluginCommandLine.Parse(command, args, Console.Out, Console.Error, new StoredTrials(_catalog), cluster.Lines);
        return await command.Run(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static List<string> ExtraDirectories(IReadOnlyList<string> args)
    {
        var directories = new List<string>();
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == "--plugins")
                directories.Add(args[++i]);
        }

        return directories;
    }

    private static List<string> WithoutPluginDirectories(IReadOnlyList<string> args)
    {
        var kept = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--plugins" && i + 1 < args.Count)
                i++;
            else
                kept.Add(args[i]);
        }

        return kept;
    }
}
