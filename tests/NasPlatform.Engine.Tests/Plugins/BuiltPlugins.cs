namespace NasPlatform.Engine.Tests.Plugins;

/// <summary>Where the build put the real plugins and the broken test-fixture plugins.</summary>
internal static class BuiltPlugins
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The CLI's own plugins folder (artifacts/bin/nas/plugins).</summary>
    public static string PluginsFolder => Path.Combine(RepoRoot, "artifacts", "bin", "nas", "plugins");

    public static string HelloFolder => Path.Combine(PluginsFolder, "HelloPlugin");

    /// <summary>A fixture plugin under tests/fixtures, built into artifacts/bin/fixtures/NAME.</summary>
    public static string Fixture(string name) => Path.Combine(RepoRoot, "artifacts", "bin", "fixtures", name);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
