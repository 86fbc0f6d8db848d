using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions;
using Microsoft.Data.Sqlite;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Storage;

/// <summary>Readers (reports, the dashboard) open a store read-only, beside a run writing it.</summary>
public sealed class ReadOnlyStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AReaderSeesCommittedTrialsWhileTheWriterHoldsAWriteTransaction()
    {
        var path = _dir.File("store.db");
        using var writer = SqliteTrialStore.Open(path);
        var id = writer.CreateExperiment("exp", "{\"name\":\"exp\"}", 1, "/tmp").Id;
        writer.AddTrial(id, 0, BitStringSpace.Make("0101"), "full", new Dictionary<string, double>());
        using var reader = SqliteTrialStore.OpenReadOnly(path);

        // Another writer (a second process) holds the write lock: WAL readers still read, at once.
        using var other = new SqliteConnection($"Data Source={path};Pooling=false");
        other.Open();
        using var tx = other.BeginTransaction();
        using (var insert = other.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "UPDATE experiments SET elapsed_seconds = 99";
            insert.ExecuteNonQuery();
        }

        var started = DateTime.UtcNow;
        var trials = reader.GetTrials(id);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "the reader waited for the writer");
        Assert.Equal(TrialState.Pending, Assert.Single(trials).State);
        Assert.Equal(0, reader.GetExperiment(id).ElapsedSeconds);
        tx.Rollback();
    }

    [Fact]
    public void WritesThroughAReadOnlyStoreFailAndLeaveTheFileAlone()
    {
        var path = _dir.File("store.db");
        using (var writer = SqliteTrialStore.Open(path))
        {
            writer.CreateExperiment("exp", "{\"name\":\"exp\"}", 1, "/tmp");
        }

        using var reader = SqliteTrialStore.OpenReadOnly(path);

        Assert.Equal("exp", Assert.Single(reader.ListExperiments()).Name);
        Assert.ThrowsAny<SqliteException>(() => reader.CreateExperiment("other", "{}", 1, "/tmp"));
        Assert.Single(reader.ListExperiments());
    }

    [Fact]
    public void AMissingFileOrAForeignDatabaseIsBadInput()
    {
        var missing = _dir.File("missing.db");
        Assert.Contains("does not exist", Assert.Throws<NasConfigurationException>(() => SqliteTrialStore.OpenReadOnly(missing)).Message);
        Assert.False(File.Exists(missing));

        var foreign = _dir.File("foreign.db");
        using (var connection = new SqliteConnection($"Data Source={foreign};Pooling=false"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE t (x INTEGER)";
            create.ExecuteNonQuery();
        }

        Assert.Contains("not a NasPlatform store", Assert.Throws<NasConfigurationException>(() => SqliteTrialStore.OpenReadOnly(foreign)).Message);

        var text = _dir.File("text.db");
        File.WriteAllText(text, "not a database at all, just some text that is long enough to have a header");
        Assert.Contains(text, Assert.Throws<NasConfigurationException>(() => SqliteTrialStore.OpenReadOnly(text)).Message);
    }
}
