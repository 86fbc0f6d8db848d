using System.Reflection;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>
/// What <c>nas --version</c> prints: the CLI assembly's informational version, the project's <c>Version</c> and
/// the commit it was built from (<c>0.1.0+bf78969</c>), so that a report names the exact build.
/// </summary>
internal static class ProductVersion
{
    /// <summary>Characters of the commit hash kept, as <c>git log --oneline</c> shows it.</summary>
    private const int CommitLength = 7;

    public static string Text { get; } = Shorten(
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    /// <summary>The version with its source revision (the full 40-character commit the SDK appends) cut to <see cref="CommitLength"/>.</summary>
    public static string Shorten(string informational)
    {
        ArgumentNullException.ThrowIfNull(informational);
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 || informational.Length - plus - 1 <= CommitLength ? informational : informational[..(plus + 1 + CommitLength)];
    }
}
