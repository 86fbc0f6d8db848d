using NasPlatform.Abstractions;
using NasPlatform.Engine.Plugins;

namespace NasPlatform.Engine.Tests.Plugins;

public sealed class PluginCatalogLoadingTests : IDisposable
{
    private readonly TempPluginFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void HelloPluginLoadsFromTheCliOutputWithItsSpaceAndEvaluator()
    {
        var catalog = PluginCatalog.Load([BuiltPlugins.PluginsFolder]);

        var hello = catalog.Find("hello");
        Assert.NotNull(hello);
        Assert.Equal(ContractVersion.Text, hello.Description.ContractVersion);
        Assert.Equal(BuiltPlugins.HelloFolder, hello.Directory);
        Assert.Equal(["digits"], hello.SearchSpaces.Select(s => s.Name));
        Assert.Equal(["target"], hello.Evaluators.Select(e => e.Name));
        Assert.Contains("digits", hello.SearchSpaces[0].Description);
        Assert.Contains("target", hello.Evaluators[0].Description);
        Assert.DoesNotContain(catalog.Failures, f => f.Path == BuiltPlugins.HelloFolder);
    }

    [Fact]
    public void BrokenManifestsAreReportedWithPathLineAndReasonWhileOthersLoad()
    {
        var good = _temp.CopyOf(BuiltPlugins.HelloFolder, "good");
        var notJson = _temp.WithManifest("not-json", "{\n  \"id\": \"broken\",\n  \"version\": \n}");
        var schemaBreak = _temp.WithManifest("schema-break", """
            {
              "id": "Bad Id",
              "version": "0.1.0",
              "contractVersion": "2.0",
              "assembly": "X.dll",
              "description": "d",
              "extra": true
            }
            """);

        var catalog = PluginCatalog.Load([_temp.Root]);

        Assert.Equal(good, Assert.Single(catalog.Plugins).Directory);
        Assert.Equal(2, catalog.Failures.Count);
        var jsonFailure = Assert.Single(catalog.Failures, f => f.Path == notJson);
        Assert.StartsWith("plugin.json:4:", jsonFailure.Reason);
        Assert.Contains("not valid JSON", jsonFailure.Reason);
        var schemaFailure = Assert.Single(catalog.Failures, f => f.Path == schemaBreak);
        Assert.Contains("plugin.json:2:", schemaFailure.Reason);
        Assert.Contains("$.id", schemaFailure.Reason);
        Assert.Contains("'extra' is not allowed", schemaFailure.Reason);
    }

    [Fact]
    public void An_empty_manifest_is_placed_at_line_1_column_1_and_called_empty()
    {
        var empty = _temp.WithManifest("empty", string.Empty);

        var catalog = PluginCatalog.Load([_temp.Root]);

        var failure = Assert.Single(catalog.Failures, f => f.Path == empty);
        Assert.Equal("plugin.json:1:1: not valid JSON (the file is empty; expected a JSON document); fix the syntax so the file parses.", failure.Reason);
    }

    [Fact]
    public void A_manifest_that_is_not_UTF8_names_the_byte_offset_and_its_line()
    {
        var folder = _temp.WithManifest("latin1", string.Empty);
        File.WriteAllBytes(Path.Combine(folder, "plugin.json"), [.. "{\n  \"id\": \"caf"u8, 0xE9, .. "\"\n}"u8]);

        var catalog = PluginCatalog.Load([_temp.Root]);

        var failure = Assert.Single(catalog.Failures, f => f.Path == folder);
        Assert.StartsWith("plugin.json:2:13: not valid UTF-8 at byte offset 14 (line 2): byte 0xE9", failure.Reason);
    }

    [Fact]
    public void A_plugin_that_failed_to_load_is_named_with_its_folder_and_reason_when_an_experiment_asks_for_it()
    {
        var folder = _temp.CopyOf(BuiltPlugins.HelloFolder, "renamed", TempPluginFolder.Manifest(id: "hello2"));
        var unreadable = _temp.WithManifest("unreadable", string.Empty);

        var catalog = PluginCatalog.Load([_temp.Root]);

        Assert.Equal("hello2", Assert.Single(catalog.Failures, f => f.Path == folder).PluginId);
        Assert.StartsWith($"it failed to load from {folder}: plugin.json says id 'hello2' but ", catalog.WhyNotLoaded("hello2"));
        // An id no manifest gives may be in a folder whose manifest could not be read: that one is named.
        Assert.Contains($"may be one of them: {unreadable}: plugin.json:1:1:", catalog.WhyNotLoaded("other"));
    }

    [Fact]
    public void ManifestClaimingContractMajor99IsRefusedBeforeItsAssemblyLoads()
    {
        var folder = _temp.CopyOf(BuiltPlugins.HelloFolder, "future", TempPluginFolder.Manifest(contractVersion: "99.0"));

        var catalog = PluginCatalog.Load([_temp.Root, BuiltPlugins.PluginsFolder]);

        var failure = Assert.Single(catalog.Failures, f => f.Path == folder);
        Assert.Contains("plugin.json declares contract version 99.0", failure.Reason);
        Assert.Contains($"contract {ContractVersion.Text}", failure.Reason);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => !a.IsDynamic && a.Location.StartsWith(folder, StringComparison.Ordinal));
        Assert.NotNull(catalog.Find("hello"));
    }

    [Fact]
    public void PluginWhoseCodeReportsContractMajor99IsRefused()
    {
        var folder = BuiltPlugins.Fixture("Contract99Plugin");

        var catalog = PluginCatalog.Load([folder, BuiltPlugins.PluginsFolder]);

        var failure = Assert.Single(catalog.Failures, f => f.Path == folder);
        Assert.Contains("Describe() reports contract version 99.0", failure.Reason);
        Assert.Contains("major versions must match", failure.Reason);
        Assert.Null(catalog.Find("contract99"));
        Assert.NotNull(catalog.Find("hello"));
    }

    [Fact]
    public void ConstructorThatThrowsIsReportedWithItsMessage()
    {
        var folder = BuiltPlugins.Fixture("ThrowingPlugin");

        var catalog = PluginCatalog.Load([folder, BuiltPlugins.PluginsFolder]);

        var failure = Assert.Single(catalog.Failures, f => f.Path == folder);
        Assert.Contains("constructor of ThrowingPlugin.ThrowingNasPlugin threw InvalidOperationException", failure.Reason);
        Assert.Contains("fixture constructor fails on purpose", failure.Reason);
        Assert.NotNull(catalog.Find("hello"));
    }

    [Fact]
    public void MissingAssemblyIsReported()
    {
        var folder = _temp.CopyOf(BuiltPlugins.HelloFolder, "missing", TempPluginFolder.Manifest(assembly: "Nowhere.dll"));

        var failure = Assert.Single(PluginCatalog.Load([folder]).Failures);

        Assert.Equal(folder, failure.Path);
        Assert.Contains("assembly 'Nowhere.dll'", failure.Reason);
        Assert.Contains("not in the folder", failure.Reason);
    }

    [Fact]
    public void AssemblyWithoutAPluginClassIsReported()
    {
        var folder = _temp.WithManifest("no-plugin", TempPluginFolder.Manifest(id: "noplugin", assembly: "xunit.assert.dll"));
        File.Copy(typeof(Assert).Assembly.Location, Path.Combine(folder, "xunit.assert.dll"));

        var failure = Assert.Single(PluginCatalog.Load([folder]).Failures);

        Assert.Contains("no class implementing NasPlatform.Abstractions.Plugins.INasPlugin", failure.Reason);
    }

    [Fact]
    public void ManifestIdMustEqualTheDescribedId()
    {
        var folder = _temp.CopyOf(BuiltPlugins.HelloFolder, "renamed", TempPluginFolder.Manifest(id: "other"));

        var failure = Assert.Single(PluginCatalog.Load([folder]).Failures);

        Assert.Contains("plugin.json says id 'other'", failure.Reason);
        Assert.Contains("says 'hello'", failure.Reason);
    }

    [Fact]
    public void SecondPluginWithTheSameIdIsReportedAndTheFirstKept()
    {
        var first = _temp.CopyOf(BuiltPlugins.HelloFolder, "a");
        var second = _temp.CopyOf(BuiltPlugins.HelloFolder, "b");

        var catalog = PluginCatalog.Load([_temp.Root]);

        Assert.Equal(first, Assert.Single(catalog.Plugins).Directory);
        var failure = Assert.Single(catalog.Failures);
        Assert.Equal(second, failure.Path);
        Assert.Contains($"'hello' is already loaded from {first}", failure.Reason);
    }

    [Fact]
    public void TheSameFolderListedTwiceLoadsOnce()
    {
        var catalog = PluginCatalog.Load([BuiltPlugins.HelloFolder, BuiltPlugins.HelloFolder + "/"]);

        Assert.Single(catalog.Plugins);
        Assert.Empty(catalog.Failures);
    }

    [Fact]
    public void MissingAndEmptyDirectoriesAreReported()
    {
        var missing = Path.Combine(_temp.Root, "does-not-exist");
        var empty = Directory.CreateDirectory(Path.Combine(_temp.Root, "empty")).FullName;

        var catalog = PluginCatalog.Load([missing, empty]);

        Assert.Empty(catalog.Plugins);
        Assert.Contains("does not exist", Assert.Single(catalog.Failures, f => f.Path == missing).Reason);
        Assert.Contains("no plugin here", Assert.Single(catalog.Failures, f => f.Path == empty).Reason);
    }
}
