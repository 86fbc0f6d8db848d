namespace NasPlatform.Testing;

/// <summary>Where the built `nas` CLI and its plugins are (artifacts/bin/nas), found from the test's own folder.</summary>
public static class BuiltNas
{
    /// <summary>The repository root (the folder holding NasPlatform.sln).</summary>
    public static string Root { get; } = FindRoot();

    public static string CliDll => Path.Combine(Root, "artifacts", "bin", "nas", "nas.dll");

    public static string Plugins => Path.Combine(Root, "artifacts", "bin", "nas", "plugins");

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
