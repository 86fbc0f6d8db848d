using NasPlatform.Eda.Dataset;

namespace NasPlatform.Plugins.Eda.Tests.Flow;

/// <summary>
/// Resume keyed by content, with the real qrouter on the mul3 fixture (seconds): a failed sample is kept while
/// nothing changed, retried when its time limit is raised or with RetryFailed, and a different file under the
/// same name is refused unless Replace.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "nas-eda-resume-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }

    private string Dataset => Path.Combine(_root, "ds");

    private static SweepSpec Spec(string def, double routeTimeout) =>
        new() { Designs = [], PlacedDefs = [def], Lefs = [Fixtures.Lef], Layers = [2], Blockages = [0], GridSize = 8, RouteTimeoutSeconds = routeTimeout };

    [Fact]
    public async Task AFailedSampleIsKeptUntilItsTimeLimitOrRetryFailedAsksForAnotherTry()
    {
        // qrouter cannot finish mul3 in 10 ms: the sample fails at route, with the limit in its record.
        var tooShort = new DatasetBuilder(Dataset, Spec(Fixtures.PlacedDef, 0.01), "");
        Assert.Equal(1, await tooShort.BuildAsync(1, null, CancellationToken.None));
        Assert.Equal(1, tooShort.Failed);
        var failed = SampleFiles.ReadRecords(Dataset).Single();
        Assert.Equal("route", failed.FailedStep);
        Assert.Equal(0.01, failed.RouteTimeoutSeconds);
        Assert.NotNull(failed.SourceHash);

        // Same options: nothing runs, the failure is kept and still counted.
        var again = new DatasetBuilder(Dataset, Spec(Fixtures.PlacedDef, 0.01), "");
        Assert.Equal(1, await again.BuildAsync(1, null, CancellationToken.None));
        Assert.Equal(1, again.Failed);
        Assert.Equal(failed.CreatedAt, SampleFiles.ReadRecords(Dataset).Single().CreatedAt);

        // --retry-failed runs it again (and it fails again: same limit).
        var retry = new DatasetBuilder(Dataset, Spec(Fixtures.PlacedDef, 0.01), "") { RetryFailed = true };
        await retry.BuildAsync(1, null, CancellationToken.None);
        Assert.NotEqual(failed.CreatedAt, SampleFiles.ReadRecords(Dataset).Single().CreatedAt);

        // A raised limit retries it without being asked, and it succeeds.
        var raised = new DatasetBuilder(Dataset, Spec(Fixtures.PlacedDef, 120), "");
        Assert.Equal(1, await raised.BuildAsync(1, null, CancellationToken.None));
        Assert.Equal(0, raised.Failed);
        Assert.True(SampleFiles.ReadRecords(Dataset).Single().Succeeded);
    }

    [Fact]
    public async Task AnotherFileUnderTheSameNameIsRefusedUnlessReplaced()
    {
        var first = new DatasetBuilder(Dataset, Spec(Fixtures.PlacedDef, 120), "");
        await first.BuildAsync(1, null, CancellationToken.None);
        var good = SampleFiles.ReadRecords(Dataset).Single();
        Assert.True(good.Succeeded, good.Error);

        // Same file name and design, other content: the same sample key, but not the same sample.
        var other = Path.Combine(_root, "other", Path.GetFileName(Fixtures.PlacedDef));
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.WriteAllText(other, File.ReadAllText(Fixtures.PlacedDef).Replace("DIEAREA ( -320 -300 ) ( 8800 5300 )", "DIEAREA ( -320 -300 ) ( 9000 5400 )", StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => new DatasetBuilder(Dataset, Spec(other, 120), "").BuildAsync(1, null, CancellationToken.None));
        Assert.Contains(Fixtures.PlacedDef, refused.Message, StringComparison.Ordinal);
        Assert.Contains(other, refused.Message, StringComparison.Ordinal);
        Assert.Contains("--replace", refused.Message, StringComparison.Ordinal);
        Assert.Equal(good.CreatedAt, SampleFiles.ReadRecords(Dataset).Single().CreatedAt);

        // The same content from another place is the same sample: kept.
        var moved = Path.Combine(_root, "moved", Path.GetFileName(Fixtures.PlacedDef));
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        File.Copy(Fixtures.PlacedDef, moved);
        await new DatasetBuilder(Dataset, Spec(moved, 120), "").BuildAsync(1, null, CancellationToken.None);
        Assert.Equal(good.CreatedAt, SampleFiles.ReadRecords(Dataset).Single().CreatedAt);

        var replaced = new DatasetBuilder(Dataset, Spec(other, 120), "") { Replace = true };
        await replaced.BuildAsync(1, null, CancellationToken.None);
        var record = SampleFiles.ReadRecords(Dataset).Single();
        Assert.Equal("def:" + other, record.Source);
        Assert.NotEqual(good.SourceHash, record.SourceHash);
    }
}
