namespace NasPlatform.Abstractions.Plugins;

/// <summary>A parsed command line of a <see cref="PluginCommand"/>, checked by the host against its declaration.</summary>
public sealed class PluginCommandInvocation
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _options;

    /// <summary>Creates an invocation; the host does this after parsing.</summary>
    /// <param name="arguments">The positional arguments, one per declared argument.</param>
    /// <param name="options">Values given per option long name (a flag given has one empty value).</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where progress and diagnostics go (standard error).</param>
    public PluginCommandInvocation(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, IReadOnlyList<string>> options, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        Arguments = arguments;
        _options = options;
        Output = output;
        Error = error;
    }

    /// <summary>The positional arguments, in declaration order.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Reads trials of stored experiments (set by the host; null where a command runs without one, e.g. in a plugin's own tests).</summary>
    public IStoredTrials? Trials { get; init; }

    /// <summary>The cluster given with <c>--cluster</c> to a <see cref="PluginCommand.Distributable"/> command; null when run on this machine alone.</summary>
    public IPluginCommandCluster? Cluster { get; init; }

    /// <summary>True when the option (long name) was given.</summary>
    public bool Has(string option) => _options.ContainsKey(option);

    /// <summary>The option's value, or null when it was not given (the last value when given several times).</summary>
    public string? Value(string option) => _options.TryGetValue(option, out var values) ? values[^1] : null;

    /// <summary>Every value of a repeatable option, in the order given; empty when not given.</summary>
    public IReadOnlyList<string> Values(string option) => _options.TryGetValue(option, out var values) ? values : [];
}
