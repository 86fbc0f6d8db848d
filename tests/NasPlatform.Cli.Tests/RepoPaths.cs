namespace NasPlatform.Cli.Tests;

/// <summary>Where the built CLI and plugins are, found from the test's own folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string CliDll => Path.Combine(Root, "artifacts", "bin", "nas", "nas.dll");

    public static string Plugins => Path.Combine(Root, "artifacts", "bin", "nas", "plugins");

    /// <summary>A test fixture plugin's folder (tests/fixtures/NAME, built into artifacts/bin/fixtures).</summary>
    public static string Fixture(string name) => Path.Combine(Root, "artifacts", "bin", "fixtures", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
