using System.Reflection;
using Spectre.Console.Cli;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// The command tree as Program configures it (names, branches, each command's type), kept beside Spectre's own
/// model because that one is internal: a usage error names the command it happened in and the nearest valid
/// command or option from this table.
/// </summary>
internal sealed class CommandTable
{
    private static readonly IReadOnlyList<OptionNames> HelpOption = [new(["help"], ["h"])];
    private static readonly IReadOnlyList<OptionNames> RootOptions = [.. HelpOption, new(["version"], ["v"])];

    private readonly List<CommandTable> _children = [];

    /// <summary>The root table, <c>nas</c> itself.</summary>
    public CommandTable()
        : this("nas", null, null)
    {
    }

    private CommandTable(string name, CommandTable? parent, Type? commandType)
    {
        Name = name;
        Parent = parent;
        CommandType = commandType;
    }

    public string Name { get; }

    public CommandTable? Parent { get; }

    /// <summary>The command's type; null for the root and for branches (<c>bench</c>, <c>eda</c>).</summary>
    public Type? CommandType { get; }

    public IReadOnlyList<CommandTable> Children => _children;

    public bool IsBranch => CommandType is null;

    /// <summary>How the command is typed: <c>nas bench strategies</c>.</summary>
    public string Path => Parent is null ? Name : $"{Parent.Path} {Name}";

    public CommandTable AddCommand(string name, Type commandType) => Add(new CommandTable(name, this, commandType));

    public CommandTable AddBranch(string name) => Add(new CommandTable(name, this, null));

    /// <summary>
    /// The command that <paramref name="args"/> names (the leading arguments that are command names) and how many
    /// arguments that took; the root when the first one is no command.
    /// </summary>
    public (CommandTable Command, int Consumed) Resolve(IReadOnlyList<string> args)
    {
        var node = this;
        var consumed = 0;
        while (consumed < args.Count && node.Child(args[consumed]) is { } child)
        {
            node = child;
            consumed++;
        }

        return (node, consumed);
    }

    // Case-sensitive as Spectre's parser is: `nas RUN` is an unknown command, answered with "did you mean run?".
    public CommandTable? Child(string name) => _children.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The options this command takes, each with its long and short names: those of its settings type (inherited
    /// ones included) and Spectre's own <c>--help</c> (and <c>--version</c> on the root).
    /// </summary>
    public IReadOnlyList<OptionNames> Options()
    {
        if (Parent is null)
        {
            return RootOptions;
        }

        if (SettingsType(CommandType) is not { } settings)
        {
            return HelpOption;
        }

        var declared = settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .Where(a => !a.IsHidden)
            .Select(a => new OptionNames(a.LongNames, a.ShortNames));
        return [.. declared, .. HelpOption];
    }

    private CommandTable Add(CommandTable child)
    {
        _children.Add(child);
        return child;
    }

    // Command<TSettings> and AsyncCommand<TSettings> both implement ICommand<TSettings>.
    private static Type? SettingsType(Type? commandType) =>
        commandType?.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
            ?.GetGenericArguments()[0];
}
