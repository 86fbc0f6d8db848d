namespace NasPlatform.Cli.Infrastructure;

/// <summary>One option's names without their dashes: long ones (<c>output</c>) and short ones (<c>o</c>).</summary>
internal sealed record OptionNames(IReadOnlyList<string> Long, IReadOnlyList<string> Short)
{
    public IEnumerable<string> All => Long.Concat(Short);

    /// <summary>How a suggestion names it: <c>--output (or -o)</c>.</summary>
    public override string ToString()
    {
        var names = Long.Select(n => "--" + n).Concat(Short.Select(n => "-" + n)).ToList();
        return names.Count == 1 ? names[0] : $"{names[0]} (or {string.Join(", ", names.Skip(1))})";
    }
}
