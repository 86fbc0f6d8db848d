namespace NasPlatform.Distributed.Tests;

/// <summary>Where the built CLI, the plugins and the shared data are (see <see cref="BuiltNas"/>).</summary>
public static class RepoPaths
{
    public static string Root => BuiltNas.Root;

    public static string CliDll => BuiltNas.CliDll;

    public static string Plugins => BuiltNas.Plugins;

    public static string Nb201Table => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));
}
