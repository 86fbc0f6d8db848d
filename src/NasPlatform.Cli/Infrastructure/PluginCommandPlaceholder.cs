using Spectre.Console.Cli;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// Stands for a plugin's command in Spectre's help listing only: plugin commands run through
/// <see cref="PluginCommands.TryRun"/> before Spectre parses anything.
/// </summary>
public sealed class PluginCommandPlaceholder : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        Console.Error.WriteLine($"`nas {context.Name}` is a plugin command; run it with its arguments (see --help).");
        return ExitCodes.BadInput;
    }
}
