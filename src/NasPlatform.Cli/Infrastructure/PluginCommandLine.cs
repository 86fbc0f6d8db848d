using System.Globalization;
using NasPlatform.Engine.Schemas;
using System.Text;
using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// Parses the arguments after <c>nas GROUP NAME</c> against a plugin command's declaration, as strictly as
/// the host's own commands: an unknown option is refused with the nearest declared name, a missing value or
/// argument is named, and extra arguments are refused (exit 2 through <see cref="NasConfigurationException"/>).
/// </summary>
internal static class PluginCommandLine
{
    public static PluginCommandInvocation Parse(PluginCommand command, IReadOnlyList<string> args, TextWriter output, TextWriter error, IStoredTrials? trials = null, IPluginCommandCluster? cluster = null)
    {
        var usage = $"`nas {command.Group} {command.Name} --help` shows the options.";
        var positional = new List<string>();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                positional.AddRange(args.Skip(i + 1));
                break;
            }

            if (!arg.StartsWith('-') || arg == "-" || double.TryParse(arg, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                positional.Add(arg);
                continue;
            }

            var (name, inline) = Split(arg);
            var option = Find(command, name) ?? throw new NasConfigurationException(Unknown(command, arg, usage));
            if (values.ContainsKey(option.Name) && !option.Repeatable)
                throw new NasConfigurationException($"{arg} is given twice; it takes one value. {usage}");
            string value;
            if (option.ValueName is null)
            {
                value = inline is null ? string.Empty : throw new NasConfigurationException($"{arg}: --{option.Name} is a flag and takes no value. {usage}");
            }
            else if (inline is not null)
            {
                value = inline;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new NasConfigurationException($"{arg} needs a value: --{option.Name} <{option.ValueName}>. {usage}");
            }

            (values.TryGetValue(option.Name, out var list) ? list : values[option.Name] = []).Add(value);
        }

        if (positional.Count < command.Arguments.Count)
            throw new NasConfigurationException($"`nas {command.Group} {command.Name}` needs <{command.Arguments[positional.Count].Name}>: {command.Arguments[positional.Count].Description} {usage}");
        if (positional.Count > command.Arguments.Count)
            throw new NasConfigurationException($"Unexpected argument '{positional[command.Arguments.Count]}' for `nas {command.Group} {command.Name}`. {usage}");
        var options = values.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
        return new PluginCommandInvocation(positional, options, output, error) { Trials = trials ?? new StoredTrials(null), Cluster = cluster };
    }

    /// <summary>The command's help: usage line, arguments, options and examples.</summary>
    public static string Help(PluginCommand command, string pluginId)
    {
        var text = new StringBuilder();
        text.AppendLine(command.Description).AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"USAGE:\n    nas {command.Group} {command.Name}");
        foreach (var argument in command.Arguments)
            text.Append(CultureInfo.InvariantCulture, $" <{argument.Name}>");
        text.AppendLine(" [OPTIONS]").AppendLine();
        if (command.Examples.Count > 0)
        {
            text.AppendLine("EXAMPLES:");
            foreach (var example in command.Examples)
                text.AppendLine(CultureInfo.InvariantCulture, $"    nas {example}");
            text.AppendLine();
        }

        if (command.Arguments.Count > 0)
        {
            text.AppendLine("ARGUMENTS:");
            foreach (var argument in command.Arguments)
                text.AppendLine(CultureInfo.InvariantCulture, $"    {argument.Name,-28} {argument.Description}");
            text.AppendLine();
        }

        text.AppendLine("OPTIONS:");
        text.AppendLine(CultureInfo.InvariantCulture, $"    {"-h, --help",-28} Prints help information");
        text.AppendLine(CultureInfo.InvariantCulture, $"    {"--plugins <DIR>",-28} Extra folder to load plugins from (repeatable)");
        foreach (var option in command.Options)
        {
            var names = (option.ShortName is { } s ? $"-{s}, " : string.Empty) + $"--{option.Name}" + (option.ValueName is { } v ? $" <{v}>" : string.Empty);
            text.AppendLine(CultureInfo.InvariantCulture, $"    {names,-28} {option.Description}{(option.Repeatable ? " (repeatable)" : string.Empty)}");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Contributed by plugin '{pluginId}'.");
        return text.ToString();
    }

    private static (string Name, string? Inline) Split(string arg)
    {
        var body = arg.TrimStart('-');
        var eq = body.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (body, null) : (body[..eq], body[(eq + 1)..]);
    }

    private static PluginCommandOption? Find(PluginCommand command, string name) =>
        command.Options.FirstOrDefault(o => o.Name == name || o.ShortName == name);

    private static string Unknown(PluginCommand command, string arg, string usage)
    {
        var typed = arg.TrimStart('-').Split('=')[0];
        var nearest = NearestName.Find(typed, command.Options, o => [o.Name]);
        var hint = nearest is null ? $" {usage}" : $"; did you mean --{nearest.Name}{(nearest.ShortName is { } s ? $" (or -{s})" : string.Empty)}?";
        return $"Error: unknown option '{arg.Split('=')[0]}' for 'nas {command.Group} {command.Name}'{hint}";
    }
}
