using NasPlatform.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Commands;

// Placeholder until this command lands; replaced wholesale by its owner.
public sealed class PluginsCommand : Command<PluginsCommand.Settings>
{
    public sealed class Settings : NasSettings
    {
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine("not implemented yet");
        return ExitCodes.Failure;
    }
}
