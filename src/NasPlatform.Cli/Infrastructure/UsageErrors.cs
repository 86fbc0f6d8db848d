using NasPlatform.Engine.Schemas;
using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// The line a usage error prints. Parsing is strict (see NasCommands), so a mistyped option or command stops the
/// command instead of being ignored: the line names the command it was given to and the nearest valid name.
/// Spectre's exceptions carry only their message, so the name comes from it and the command from the arguments.
/// </summary>
internal static partial class UsageErrors
{
    private const string Help = "(nas --help lists the commands, nas COMMAND --help their arguments)";

    public static string Describe(CommandAppException usage, IReadOnlyList<string> args, CommandTable commands)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var (command, _) = commands.Resolve(args);
        if (UnknownOption().Match(usage.Message) is { Success: true } option)
        {
            return OptionLine(command, option.Groups["name"].Value);
        }

        if (UnknownCommand().Match(usage.Message) is { Success: true } name && command.IsBranch)
        {
            return CommandLine(command, name.Groups["name"].Value);
        }

        return $"Error: {usage.Message} {Help}";
    }

    private static string OptionLine(CommandTable command, string name)
    {
        // Spectre names the option without its dashes; one letter is a short option (-x), more a long one.
        var typed = (name.Length == 1 ? "-" : "--") + name;
        var nearest = NearestName.Find(name, command.Options(), o => o.All);
        var line = $"Error: unknown option '{typed}' for '{command.Path}'";
        return nearest is null ? $"{line} ({command.Path} --help lists its options)" : $"{line}; did you mean {nearest}?";
    }

    private static string CommandLine(CommandTable branch, string name)
    {
        var nearest = NearestName.Find(name, branch.Children, c => [c.Name]);
        var line = branch.Parent is null ? $"Error: unknown command '{name}'" : $"Error: unknown command '{name}' for '{branch.Path}'";
        return nearest is null ? $"{line} ({branch.Path} --help lists the commands)" : $"{line}; did you mean {nearest.Name}?";
    }

    // "Unknown option 'wokers'." after a command; "Unexpected option 'verison'." before any.
    [GeneratedRegex("^(Unknown|Unexpected) option '(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownOption();

    [GeneratedRegex("^Unknown command '(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownCommand();
}
