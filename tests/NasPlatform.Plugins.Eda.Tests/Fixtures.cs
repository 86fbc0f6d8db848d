namespace NasPlatform.Plugins.Eda.Tests;

internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Lef => Path("osu018_stdcells.lef");

    public static string PlacedDef => Path("mul3_placed.def");

    public static string RoutedDef => Path("mul3_routed.def");
}
