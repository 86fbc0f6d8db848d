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
}
