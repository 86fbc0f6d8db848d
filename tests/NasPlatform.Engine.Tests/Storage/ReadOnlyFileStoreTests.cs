using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions;
using System.Runtime.Versioning;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Tests.Storage;

/// <summary>
/// A store whose files may not be written (chmod a-w) opens read-only: reads work, writes are bad
/// input naming the path and the fix, and nothing is left behind. Decided from the file mode, so
/// these tests hold when they run as root, whom access checks never refuse.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyFileStoreTests : IDisposable
{
    private const UnixFileMode ReadOnlyMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_store_nobody_may_write_opens_read_only_reads_and_refuses_writes_with_the_fix()
    {
        var path = CreateStore();
        File.SetUnixFileMode(path, ReadOnlyMode);
        var before = File.ReadAllBytes(path);

        foreach (var open in new Func<string, SqliteTrialStore>[] { SqliteTrialStore.Open, SqliteTrialStore.OpenExisting })
        {
            using var store = open(path);

            Assert.True(store.IsReadOnly);
            var experiment = Assert.Single(store.ListExperiments());
            Assert.Equal("exp", experiment.Name);
            var error = Assert.Throws<NasConfigurationException>(() => store.SetStatus(experiment.Id, ExperimentStatus.Failed));
            Assert.Equal(
                $"Store '{path}' is read-only (its file has mode 0444, which lets nobody write it), but this command must write to it. "
                + $"Make it writable: chmod u+w {path}, or copy it somewhere writable and use the copy. "
                + "Commands that only read it (nas status, export, report, and run or resume of a finished experiment) work as it is.",
                error.Message);
            Assert.Throws<NasConfigurationException>(() => store.CreateExperiment("other", "{}", 1, _dir.Path));
        }

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal"), "a read-only open must not leave a -wal file behind");
        Assert.False(File.Exists(path + "-shm"), "a read-only open must not leave a -shm file behind");
    }

    [Fact]
    public void Every_read_only_file_of_the_store_is_named_in_the_fix()
    {
        var path = CreateStore();
        // Left by an older version that opened a read-only store without the immutable flag.
        File.WriteAllBytes(path + "-shm", new byte[32768]);
        File.SetUnixFileMode(path + "-shm", ReadOnlyMode);
        File.SetUnixFileMode(path, ReadOnlyMode);

        using var store = SqliteTrialStore.Open(path);

        Assert.True(store.IsReadOnly);
        Assert.NotEmpty(store.ListExperiments());
        var error = Assert.Throws<NasConfigurationException>(store.RequireWritable);
        Assert.Contains("(its file has mode 0444, which lets nobody write it; store.db-shm has mode 0444, which lets nobody write it)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"chmod u+w {path} {path}-shm,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Making_the_store_writable_again_is_all_it_takes_to_write_it()
    {
        var path = CreateStore();
        File.SetUnixFileMode(path, ReadOnlyMode);
        using (var reader = SqliteTrialStore.Open(path))
        {
            Assert.NotEmpty(reader.ListExperiments());
        }

        File.SetUnixFileMode(path, ReadOnlyMode | UnixFileMode.UserWrite);
        using var store = SqliteTrialStore.Open(path);

        Assert.False(store.IsReadOnly);
        store.SetStatus(store.ListExperiments()[0].Id, ExperimentStatus.Interrupted);
        Assert.Equal(ExperimentStatus.Interrupted, store.FindExperiment("exp")!.Status);
    }

    [Fact]
    public void A_read_only_store_whose_path_holds_characters_special_in_a_URI_opens()
    {
        var path = CreateStore("odd #1 ?x %41");
        File.SetUnixFileMode(path, ReadOnlyMode);

        using var store = SqliteTrialStore.OpenExisting(path);

        Assert.True(store.IsReadOnly);
        Assert.Equal("exp", Assert.Single(store.ListExperiments()).Name);
        Assert.False(File.Exists(path + "-shm"));
    }

    private string CreateStore(string folder = "")
    {
        var path = Path.Combine(_dir.Path, folder, "store.db");
        using var store = SqliteTrialStore.Open(path);
        store.CreateExperiment("exp", "{}", 1, _dir.Path);
        return path;
    }
}
