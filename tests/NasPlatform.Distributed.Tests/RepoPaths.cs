namespace NasPlatform.Distributed.Tests;

/// <summary>Where the built CLI, the plugins and the shared data are, found from the test's own folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string CliDll => Path.Combine(Root, "artifacts", "bin", "nas", "nas.dll");

    public static string Plugins => Path.Combine(Root, "artifacts", "bin", "nas", "plugins");

    public static string Nb201Table => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

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
