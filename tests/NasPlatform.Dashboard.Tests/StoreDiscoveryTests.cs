using NasPlatform.Abstractions;
using NasPlatform.Dashboard.Api;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Dashboard.Tests;

/// <summary>How the dashboard finds stores in watched folders and the stores of experiments that have not run yet, without a browser.</summary>
public sealed class StoreDiscoveryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nas-discovery-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_path_that_does_not_exist_is_refused_with_its_name()
    {
        var missing = Path.Combine(_folder, "runz");
        var error = Assert.Throws<NasConfigurationException>(() => ExperimentCatalog.Open([missing], null));
        Assert.Contains("runz does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("folder to watch", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", error.Message, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(_folder, "runs"));
        error = Assert.Throws<NasConfigurationException>(() => ExperimentCatalog.Open([missing], null));
        Assert.Contains($"did you mean {Path.Combine(_folder, "runs")}?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_watched_folder_gains_stores_in_it_and_its_subfolders_and_skips_files_that_are_not_stores_until_they_change()
    {
        var (discovery, opened) = StoreDiscovery.Plan([_folder], null);
        Assert.Empty(opened);
        Assert.Equal([_folder], discovery.Folders);
        Assert.Empty(discovery.Discover());

        var junk = Path.Combine(_folder, "notes.db");
        File.WriteAllText(junk, "not an SQLite file");
        CreateStore(Path.Combine(_folder, "b.db"), "second");
        Directory.CreateDirectory(Path.Combine(_folder, "study", "deep"));
        CreateStore(Path.Combine(_folder, "study", "a.db"), "nested");
        CreateStore(Path.Combine(_folder, "study", "deep", "x", "too-deep.db"), "hidden");

        var found = discovery.Discover();
        try
        {
            Assert.Equal([Path.Combine(_folder, "b.db"), Path.Combine(_folder, "study", "a.db")], found.Select(s => s.Argument).ToList());
            Assert.Equal(["second"], found[0].Experiments().Select(e => e.Name).ToList());
            Assert.Empty(discovery.Discover());

            // The junk file becomes a store (a run replaced it): it is tried again because it changed.
            File.Delete(junk);
            CreateStore(junk, "late");
            var late = Assert.Single(discovery.Discover());
            Assert.Equal(junk, late.Argument);
            late.Dispose();
        }
        finally
        {
            found.ToList().ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void An_experiment_file_whose_run_has_not_started_waits_for_its_store_and_keys_stay_stable()
    {
        var first = Path.Combine(_folder, "first.db");
        CreateStore(first, "first");
        var file = Path.Combine(_folder, "later.json");
        File.WriteAllText(file, """
            { "name": "later", "plugin": "hello", "searchSpace": { "name": "digits" }, "evaluator": { "name": "target" },
              "objectives": [ { "metric": "score", "direction": "maximize" } ], "strategy": { "name": "random" }, "budget": { "trials": 2 }, "seed": 1 }
            """);
        using var catalog = ExperimentCatalog.Open([first, file], null);
        var before = catalog.List();
        Assert.Equal(["0-1"], before.Select(e => e.Key).ToList());
        Assert.Equal([Path.Combine(_folder, "later.db")], catalog.Waiting);

        // The run starts: its store holds another experiment first, then its own.
        CreateStore(Path.Combine(_folder, "later.db"), "other");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (catalog.Waiting.Count > 0 && DateTime.UtcNow < deadline)
        {
            catalog.List();
            Thread.Sleep(100);
        }

        Assert.Empty(catalog.Waiting);
        Assert.Equal(["0-1"], catalog.List().Select(e => e.Key).ToList());
        using (var store = SqliteTrialStore.Open(Path.Combine(_folder, "later.db")))
        {
            store.CreateExperiment("later", "{}", 1, _folder);
        }

        var after = catalog.List();
        Assert.Equal(["0-1", "1-2"], after.Select(e => e.Key).ToList());
        Assert.Equal("later", after[1].Record.Name);
    }

    private static void CreateStore(string path, string experiment)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var store = SqliteTrialStore.Open(path);
        store.CreateExperiment(experiment, "{}", 1, Path.GetDirectoryName(path)!);
    }
}
