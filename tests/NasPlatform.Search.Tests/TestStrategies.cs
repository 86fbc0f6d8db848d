using NasPlatform.Engine.Strategies;
using NasPlatform.Search.Torch;

namespace NasPlatform.Search.Tests;

/// <summary>The strategies the CLI offers (the search projects' own), as a catalog for tests.</summary>
internal static class TestStrategies
{
    public static StrategyCatalog Catalog { get; } = new(SearchComponents.Strategies);
}
