using NasPlatform.Engine.Tests.Running.TestDomain;
using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Storage;

/// <summary>
/// Stores written before artifact hashes were recorded (version 1 without <c>artifacts.sha256</c>)
/// gain the column when opened for writing, and are read as they are, unaltered, when read-only.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ArtifactHashColumnTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void An_old_store_without_the_hash_column_opens_gets_the_column_and_keeps_its_artifacts_unverified()
    {
        var (path, artifact) = CreateOldStore();

        using var store = SqliteTrialStore.OpenExisting(path);

        Assert.True(HasHashColumn(path));
        var experimentId = store.FindExperiment("exp")!.Id;
        var old = Assert.Single(store.GetStoredArtifacts(experimentId));
        Assert.Equal((0, artifact, (string?)null), (old.TrialNumber, old.Path, old.Sha256));
        Assert.Equal(artifact, Assert.Single(Assert.Single(store.GetTrials(experimentId)).Artifacts).Path);

        // New trials in the upgraded store record their hashes.
        store.AddTrial(experimentId, 1, BitStringSpace.Make("11"), "full", new Dictionary<string, double>());
        store.Finish(experimentId, 1, TrialState.Completed, new Dictionary<string, double>(), true, null, [new Artifact("bits", artifact)], 1);
        Assert.NotNull(store.GetStoredArtifacts(experimentId)[1].Sha256);
        Assert.Equal("verified 2 artifacts: 1 ok, 0 missing, 0 changed, 1 unverified", ArtifactVerification.Of(store, experimentId).Summary);
    }

    [Fact]
    public void A_read_only_old_store_is_read_without_the_hash_column_and_is_not_altered()
    {
        var (path, _) = CreateOldStore();
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = File.ReadAllBytes(path);

        using (var store = SqliteTrialStore.OpenExisting(path))
        {
            Assert.True(store.IsReadOnly);
            var verification = ArtifactVerification.Of(store, store.FindExperiment("exp")!.Id);
            Assert.Equal("verified 1 artifacts: 0 ok, 0 missing, 0 changed, 1 unverified", verification.Summary);
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(HasHashColumn(path));
    }

    /// <summary>A store with one finished trial and its artifact, then the column dropped: what an older NasPlatform wrote.</summary>
    private (string Path, string Artifact) CreateOldStore()
    {
        var path = _dir.File("old.db");
        var artifact = _dir.File("bits.txt");
        File.WriteAllText(artifact, "01");
        using (var store = SqliteTrialStore.Open(path))
        {
            var experiment = store.CreateExperiment("exp", "{}", 1, _dir.Path);
            store.AddTrial(experiment.Id, 0, BitStringSpace.Make("01"), "full", new Dictionary<string, double>());
            store.Finish(experiment.Id, 0, TrialState.Completed, new Dictionary<string, double>(), true, null, [new Artifact("bits", artifact)], 0);
        }

        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            // Checkpoint too, so the read-only test sees the old schema in the file itself.
            drop.CommandText = "ALTER TABLE artifacts DROP COLUMN sha256; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
            drop.ExecuteNonQuery();
        }

        Assert.False(HasHashColumn(path));
        return (path, artifact);
    }

    private static bool HasHashColumn(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT count(*) FROM pragma_table_info('artifacts') WHERE name = 'sha256'";
        return Convert.ToInt64(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
