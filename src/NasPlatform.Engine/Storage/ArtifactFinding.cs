namespace NasPlatform.Engine.Storage;

/// <summary>The result of verifying one stored artifact.</summary>
/// <param name="Artifact">The artifact as the store records it.</param>
/// <param name="Check">What was found.</param>
/// <param name="ActualSha256">The file's SHA-256 now; null when it is missing, unreadable or not hashed.</param>
public sealed record ArtifactFinding(StoredArtifact Artifact, ArtifactCheck Check, string? ActualSha256)
{
    /// <summary>One line describing a finding that is not <see cref="ArtifactCheck.Ok"/>.</summary>
    public string Describe()
    {
        var what = $"trial {Artifact.TrialNumber} artifact '{Artifact.Name}' ({Artifact.Path})";
        return Check switch
        {
            ArtifactCheck.Missing => $"missing: {what} no longer exists",
            ArtifactCheck.Changed => $"changed: {what} has SHA-256 {ActualSha256 ?? "(unreadable)"}, recorded {Artifact.Sha256}",
            ArtifactCheck.Unverified => $"unverified: {what} has no recorded hash"
                + (File.Exists(Artifact.Path) || Directory.Exists(Artifact.Path) ? string.Empty : " and is not found on this machine"),
            _ => $"ok: {what}",
        };
    }
}
