using System.Text.RegularExpressions;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Engine.Plugins;

/// <summary>Checks a plugin's command declaration once, at registration, so that parsing and help can trust it.</summary>
internal static partial class PluginCommandCheck
{
    /// <summary>What is wrong with <paramref name="command"/>, as one sentence saying what to fix; null when nothing.</summary>
    public static string? Problem(PluginCommand? command, IReadOnlyList<PluginCommand> registered)
    {
        if (command is null || command.Run is null)
            return "a command was registered without a Run delegate";
        if (!Word().IsMatch(command.Group ?? "") || !Word().IsMatch(command.Name ?? ""))
            return $"command '{command.Group} {command.Name}': group and name must be lower-case words (a-z, 0-9, '-')";
        if (registered.Any(c => c.Group == command.Group && c.Name == command.Name))
            return $"command '{command.Group} {command.Name}' is registered twice";
        var options = command.Options ?? [];
        foreach (var option in options)
        {
            if (option is null || !Word().IsMatch(option.Name ?? ""))
                return $"command '{command.Group} {command.Name}': option names must be lower-case words without dashes";
            if (option.ShortName is { } s && !(s.Length == 1 && char.IsAsciiLetter(s[0])))
                return $"command '{command.Group} {command.Name}': short name '{s}' of --{option.Name} must be one letter";
        }

        var names = options.Select(o => o.Name).Concat(options.Select(o => o.ShortName).OfType<string>()).ToList();
        if (names.Count != names.Distinct(StringComparer.Ordinal).Count() || names.Contains("help") || names.Contains("h"))
            return $"command '{command.Group} {command.Name}': option names must be unique and must not be 'help' or 'h' (the host's)";
        return null;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex Word();
}
