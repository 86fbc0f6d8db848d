using NasPlatform.Plugins.Tabular.Lookup;

namespace NasPlatform.Plugins.Tabular.Tests;

/// <summary>The NAS-Bench-201 table from ../shared/data next to the repository root (never copied into the repo).</summary>
internal static class SharedTable
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Path { get; } =
        System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    public static LookupTable Load()
    {
        if (!File.Exists(Path))
        {
            throw new FileNotFoundException($"The NAS-Bench-201 table is expected at {Path} (shared/ beside the repository root).", Path);
        }

        return LookupTable.Load(TestCache.Shared, Path);
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NasPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No NasPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
