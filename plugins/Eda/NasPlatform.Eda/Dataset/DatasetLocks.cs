namespace NasPlatform.Eda.Dataset;

/// <summary>
/// Advisory locks on a dataset's files, which the kernel drops when their process dies (even by kill -9): the whole
/// folder (one build or cluster coordinator at a time) and each placement (one builder of a placement at a time,
/// whether a local build or a cluster worker's <c>--placement</c> run).
/// </summary>
public static class DatasetLocks
{
    /// <summary>Locks DIR/.lock; throws <see cref="ArgumentException"/> when another build holds it.</summary>
    public static FileStream Folder(string root)
    {
        var path = Path.Combine(root, ".lock");
        return TryOpen(path) ?? throw new ArgumentException(
            $"{root}: another 'nas eda dataset' is building this folder ({path} is locked); wait for it to finish or stop it, then run again.");
    }

    /// <summary>Locks DIR/placements/.locks/KEY; throws <see cref="ArgumentException"/> when another process builds that placement.</summary>
    public static FileStream Placement(string root, string placementKey)
    {
        var path = PlacementPath(root, placementKey);
        return TryOpen(path) ?? throw new ArgumentException(
            $"{root}: placement {placementKey} is being built by another process (a 'nas eda dataset' here or a cluster worker; {path} is locked); wait for it to finish or stop it, then run again.");
    }

    /// <summary>
    /// Waits for placement KEY's lock: a cluster worker's <c>--placement</c> run whose placement is still being built by the
    /// run of a killed coordinator finishes that build's records first, then finds them done.
    /// </summary>
    public static Task<FileStream> WaitForPlacementAsync(string root, string placementKey, CancellationToken cancellationToken) =>
        WaitAsync(PlacementPath(root, placementKey), cancellationToken);

    private static string PlacementPath(string root, string placementKey) =>
        Path.Combine(Directory.CreateDirectory(Path.Combine(root, "placements", ".locks")).FullName, placementKey);

    /// <summary>Waits for the lock on <paramref name="path"/> (another process may hold it for a while, e.g. a synthesis) and returns it.</summary>
    public static async Task<FileStream> WaitAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryOpen(path) is { } held)
                return held;
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
    }

    private static FileStream? TryOpen(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
