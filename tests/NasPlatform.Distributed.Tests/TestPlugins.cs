using NasPlatform.Engine.Plugins;

namespace NasPlatform.Distributed.Tests;

/// <summary>The real built plugins, loaded once per test process (silos of a test cluster share them).</summary>
public static class TestPlugins
{
    private static readonly Lazy<PluginCatalog> Loaded = new(() => PluginCatalog.Load([RepoPaths.Plugins]));

    public static PluginCatalog Catalog => Loaded.Value;
}
