using NasPlatform.Abstractions.Plugins;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Plugins.Tabular.Tests;

/// <summary>
/// The cache the host would hand the plugin, shared by the tests of this assembly: the data sets are read
/// and normalized once for the whole run, as in one search, instead of once per test.
/// </summary>
internal static class TestCache
{
    public static IComponentCache Shared { get; } = new BoundedComponentCache();
}
