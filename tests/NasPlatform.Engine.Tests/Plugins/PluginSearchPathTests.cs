using NasPlatform.Engine.Plugins;

namespace NasPlatform.Engine.Tests.Plugins;

public sealed class PluginSearchPathTests
{
    [Fact]
    public void OrderIsDefaultFolderThenCommandLineThenEnvironment()
    {
        var defaultDir = Directory.CreateTempSubdirectory("nas-default-").FullName;
        try
        {
            var environment = string.Join(Path.PathSeparator, "/env/a", "", " /env/b ");

            var path = PluginSearchPath.Resolve(["/cli/x", "/cli/y"], environment, defaultDir);

            Assert.Equal([defaultDir, "/cli/x", "/cli/y", "/env/a", "/env/b"], path);
        }
        finally
        {
            Directory.Delete(defaultDir);
        }
    }

    [Fact]
    public void MissingDefaultFolderIsSkippedButMissingExplicitFoldersAreKept()
    {
        var path = PluginSearchPath.Resolve(["/no/such/cli"], "/no/such/env", "/no/such/default");

        Assert.Equal(["/no/such/cli", "/no/such/env"], path);
    }

    [Fact]
    public void RelativeFoldersBecomeAbsolute()
    {
        var path = PluginSearchPath.Resolve(["rel"], null, "/no/such/default");

        Assert.Equal(Path.GetFullPath("rel"), Assert.Single(path));
    }

    [Fact]
    public void DefaultFolderIsTheHostsPluginsFolder() =>
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins"), PluginSearchPath.DefaultDirectory);
}
