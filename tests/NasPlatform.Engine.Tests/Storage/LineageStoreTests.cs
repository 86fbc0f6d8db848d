using System.Runtime.Versioning;
using NasPlatform.Engine.Tests.Running.TestDomain;
using Microsoft.Data.Sqlite;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Storage;

/// <summary>
/// Parents (lineage) and batched intermediate values in the store: round trips, and stores written before the
/// <c>trial_parents</c> table existed, which open as they were and gain the table when opened for writing.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class LineageStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Parents_and_batched_intermediate_values_round_trip_in_both_stores()
    {
        using var sqlite = SqliteTrialStore.Open(_dir.File("store.db"));
        using var memory = new InMemoryTrialStore();
        foreach (ITrialStore store in new ITrialStore[] { sqlite, memory })
        {
            var id = store.CreateExperiment("exp", "{}", 1, _dir.Path).Id;
            store.AddTrial(id, 0, BitStringSpace.Make("0011"), "full", new Dictionary<string, double>());
            store.AddTrial(id, 1, BitStringSpace.Make("0101"), "full", new Dictionary<string, double>());
            var child = store.AddTrial(id, 2, BitStringSpace.Make("0111"), "full", new Dictionary<string, double>(), parents: [1, 0]);

            Assert.Equal([1, 0], child.Parents);
            Assert.Equal(new[] { "", "", "1,0" }, store.GetTrials(id).Select(t => string.Join(",", t.Parents)));

            store.RecordIntermediateValues(id, [new(2, 1, Values(0.5)), new(2, 2, Values(0.25)), new(2, 3, Values(0.2))], []);
            store.RecordIntermediateValues(id, [new(2, 3, Values(0.125))], [(2, 2)]);
            var values = store.GetIntermediateValues(id, 2);
            Assert.Equal(new[] { (1, 0.5), (3, 0.125) }, values.Select(v => (v.Step, v.Metrics["loss"])));
        }
    }

    [Fact]
    public void An_old_store_without_the_parents_table_opens_with_every_trial_and_gains_the_table()
    {
        var path = OldStore();

        using var store = SqliteTrialStore.OpenExisting(path);

        var id = store.FindExperiment("exp")!.Id;
        var old = Assert.Single(store.GetTrials(id));
        Assert.Equal((TrialState.Completed, 0.75), (old.State, old.Metrics["score"]));
        Assert.Empty(old.Parents);
        Assert.Equal(2, Assert.Single(store.GetIntermediateValues(id)).Step);
        var child = store.AddTrial(id, 1, BitStringSpace.Make("11"), "full", new Dictionary<string, double>(), parents: [0]);
        Assert.Equal([0], child.Parents);
    }

    [Fact]
    public void A_read_only_old_store_reads_without_parents_and_is_not_altered()
    {
        var path = OldStore();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = File.ReadAllBytes(path);

        using (var store = SqliteTrialStore.OpenReadOnly(path))
        {
            var trial = Assert.Single(store.GetTrials(store.FindExperiment("exp")!.Id));
            Assert.Empty(trial.Parents);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
    }

    private static Dictionary<string, double> Values(double loss) => new() { ["loss"] = loss };

    /// <summary>A store with one finished trial and its intermediate values, then the parents table dropped: what an older NasPlatform wrote.</summary>
    private string OldStore()
    {
        var path = _dir.File("old.db");
        using (var store = SqliteTrialStore.Open(path))
        {
            var id = store.CreateExperiment("exp", "{}", 1, _dir.Path).Id;
            store.AddTrial(id, 0, BitStringSpace.Make("01"), "full", new Dictionary<string, double>());
            store.MarkRunning(id, 0, "w");
            store.AddIntermediateValues(id, 0, 2, Values(0.5));
            store.Finish(id, 0, TrialState.Completed, new Dictionary<string, double> { ["score"] = 0.75 }, true, null, [], 0);
        }

        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE trial_parents; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            drop.ExecuteNonQuery();
        }

        return path;
    }
}
