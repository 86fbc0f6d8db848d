namespace NasPlatform.Engine.Experiments;

/// <summary>
/// The folders an experiment's outputs go to, beside its store: <c>&lt;store folder&gt;/&lt;experiment name&gt;-artifacts</c>
/// for trials' work directories, <c>-final</c> for final trainings. The name is made safe for a file name.
/// </summary>
public static class ExperimentFolders
{
    /// <summary><c>&lt;folder of storePath&gt;/&lt;experiment&gt;-&lt;suffix&gt;</c>, absolute, with characters a file name cannot hold replaced by '_'.</summary>
    public static string Beside(string storePath, string experiment, string suffix)
    {
        ArgumentException.ThrowIfNullOrEmpty(storePath);
        ArgumentNullException.ThrowIfNull(experiment);
        var invalid = Path.GetInvalidFileNameChars();
        var safeName = string.Concat(experiment.Select(c => invalid.Contains(c) ? '_' : c));
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath))!, $"{safeName}-{suffix}");
    }

    /// <summary>
    /// Where a stored experiment's trial folders go: <c>&lt;store folder&gt;/&lt;store file&gt;.artifacts/&lt;id&gt;-&lt;name&gt;</c>.
    /// Keyed by the store and the experiment's id, never reused: two stores in one folder holding experiments of the
    /// same name, or an experiment started afresh after the old one was archived, never share or overwrite a file
    /// that a store points to.
    /// </summary>
    public static string Artifacts(string storePath, long experimentId, string experiment) =>
        Path.Combine(StoreFolder(storePath, "artifacts"), $"{experimentId}-{SafeName(experiment)}");

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
