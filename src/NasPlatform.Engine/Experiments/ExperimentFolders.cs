namespace NasPlatform.Engine.Experiments;

/// <summary>
/// The folders an experiment's outputs go to, all keyed by its store: <see cref="Artifacts"/> for trials' work
/// directories, <see cref="Final"/> for final trainings and combinations, <see cref="Lock"/> for the session lock. The name is made safe for a file name.
/// </summary>
public static class ExperimentFolders
{
    /// <summary>
    /// Where a stored experiment's trial folders go: <c>&lt;store folder&gt;/&lt;store file&gt;.artifacts/&lt;id&gt;-&lt;name&gt;</c>.
    /// Keyed by the store and the experiment's id, never reused: two stores in one folder holding experiments of the
    /// same name, or an experiment started afresh after the old one was archived, never share or overwrite a file
    /// that a store points to.
    /// </summary>
    public static string Artifacts(string storePath, long experimentId, string experiment) =>
        Path.Combine(StoreFolder(storePath, "artifacts"), $"{experimentId}-{SafeName(experiment)}");

    /// <summary>
    /// Where final trainings (<c>nas train-final</c>) and block combinations (<c>nas combine</c>) of a stored experiment go:
    /// <c>&lt;store file&gt;.artifacts/&lt;id&gt;-&lt;name&gt;/final</c>, beside its trial folders and keyed the same way. Without a
    /// stored experiment (a candidate file retrained with an experiment file's evaluator), <c>&lt;store file&gt;.artifacts/final-&lt;name&gt;</c>:
    /// still the store's. Folders of earlier versions (<c>&lt;store folder&gt;/&lt;name&gt;-final</c>) are left as they are.
    /// </summary>
    public static string Final(string storePath, long? experimentId, string experiment) =>
        experimentId is { } id
            ? Path.Combine(Artifacts(storePath, id, experiment), "final")
            : Path.Combine(StoreFolder(storePath, "artifacts"), $"final-{SafeName(experiment)}");

    /// <summary>The lock file of the experiment of that name in that store: <c>&lt;store file&gt;.artifacts/&lt;name&gt;.lock</c>.</summary>
    public static string Lock(string storePath, string experiment) =>
        Path.Combine(StoreFolder(storePath, "artifacts"), $"{SafeName(experiment)}.lock");

    private static string StoreFolder(string storePath, string suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        var full = Path.GetFullPath(storePath);
        return Path.Combine(Path.GetDirectoryName(full)!, $"{Path.GetFileName(full)}.{suffix}");
    }

    private static string SafeName(string experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(experiment.Select(c => invalid.Contains(c) ? '_' : c));
    }
}
