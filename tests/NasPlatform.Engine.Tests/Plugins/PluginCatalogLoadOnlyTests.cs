using NasPlatform.Engine.Plugins;

namespace NasPlatform.Engine.Tests.Plugins;

/// <summary>
/// <see cref="PluginCatalog.LoadDefaultOnly"/>: commands that read one experiment (status, export) load its
/// plugin alone, because loading every plugin costs seconds.
/// </summary>
public sealed class PluginCatalogLoadOnlyTests
{
    [Fact]
    public void Only_the_named_plugin_loads_and_an_unknown_id_loads_none()
    {
        var all = PluginCatalog.Load([BuiltPlugins.PluginsFolder]);
        Assert.True(all.Plugins.Count > 1, "the built plugins folder holds several plugins");

        var hello = PluginCatalog.LoadDefaultOnly([BuiltPlugins.PluginsFolder], "hello");
        var unknown = PluginCatalog.LoadDefaultOnly([BuiltPlugins.PluginsFolder], "no-such-plugin");

        var loaded = Assert.Single(hello.Plugins);
        Assert.Equal("hello", loaded.Description.Id);
        Assert.Equal(BuiltPlugins.HelloFolder, loaded.Directory);
        Assert.Empty(unknown.Plugins);
    }
}
