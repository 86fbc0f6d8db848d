namespace NasPlatform.Engine.Plugins;

/// <summary>Where plugins are looked for, in order.</summary>
public static class PluginSearchPath
{
    /// <summary>Environment variable with extra plugin directories, separated by <see cref="Path.PathSeparator"/>.</summary>
    public const string EnvironmentVariable = "NASPLATFORM_PLUGIN_PATH";

    /// <summary>The host's own plugins folder: <c>plugins/</c> next to the running application.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    /// <summary>
    /// The host's own plugins folder (only when it exists), then <paramref name="extraDirectories"/>
    /// (from <c>--plugins</c>), then the entries of NASPLATFORM_PLUGIN_PATH; all made absolute.
    /// Explicit entries are kept even when missing, so <see cref="PluginCatalog.Load"/> reports them.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IEnumerable<string> extraDirectories) =>
        Resolve(extraDirectories, Environment.GetEnvironmentVariable(EnvironmentVariable), DefaultDirectory);

    internal static IReadOnlyList<string> Resolve(IEnumerable<string> extraDirectories, string? environmentValue, string defaultDirectory)
    {
        ArgumentNullException.ThrowIfNull(extraDirectories);
        var result = new List<string>();
        if (Directory.Exists(defaultDirectory))
        {
            result.Add(Path.GetFullPath(defaultDirectory));
        }

        result.AddRange(extraDirectories.Select(Path.GetFullPath));
        var fromEnvironment = (environmentValue ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        result.AddRange(fromEnvironment.Select(Path.GetFullPath));
        return result;
    }
}
