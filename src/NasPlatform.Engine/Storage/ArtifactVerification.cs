namespace NasPlatform.Engine.Storage;

/// <summary>
/// Checks an experiment's artifacts against the SHA-256 recorded when each trial finished
/// (<c>nas status EXP --verify</c>): which are intact, missing, changed, or were never hashed.
/// </summary>
public sealed class ArtifactVerification
{
    private ArtifactVerification(IReadOnlyList<ArtifactFinding> findings) => Findings = findings;

    /// <summary>One finding per stored artifact, by trial.</summary>
    public IReadOnlyList<ArtifactFinding> Findings { get; }

    /// <summary>How many artifacts were checked.</summary>
    public int Total => Findings.Count;

    /// <summary>Artifacts whose file has the recorded hash.</summary>
    public int Ok => Count(ArtifactCheck.Ok);

    /// <summary>Artifacts with a recorded hash whose file is gone.</summary>
    public int Missing => Count(ArtifactCheck.Missing);

    /// <summary>Artifacts whose file no longer has the recorded hash.</summary>
    public int Changed => Count(ArtifactCheck.Changed);

    /// <summary>Artifacts without a recorded hash; not a failure.</summary>
    public int Unverified => Count(ArtifactCheck.Unverified);

    /// <summary>True when no artifact is missing or changed.</summary>
    public bool Passed => Missing == 0 && Changed == 0;

    /// <summary>The findings that are not <see cref="ArtifactCheck.Ok"/>.</summary>
    public IEnumerable<ArtifactFinding> Problems => Findings.Where(f => f.Check != ArtifactCheck.Ok);

    /// <summary>The summary line: "verified N artifacts: N ok, N missing, N changed, N unverified".</summary>
    public string Summary => $"verified {Total} artifacts: {Ok} ok, {Missing} missing, {Changed} changed, {Unverified} unverified";

    /// <summary>Verifies every artifact of every trial of the experiment; reads the store only.</summary>
    public static ArtifactVerification Of(SqliteTrialStore store, long experimentId)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new ArtifactVerification(store.GetStoredArtifacts(experimentId).Select(Check).ToList());
    }

    /// <summary>Verifies one artifact against its recorded hash.</summary>
    public static ArtifactFinding Check(StoredArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        if (artifact.Sha256 is null)
        {
            return new ArtifactFinding(artifact, ArtifactCheck.Unverified, null);
        }

        if (!File.Exists(artifact.Path))
        {
            // A folder where a hashed file was is not the recorded content: changed, not missing.
            return new ArtifactFinding(artifact, Directory.Exists(artifact.Path) ? ArtifactCheck.Changed : ArtifactCheck.Missing, null);
        }

        var actual = ArtifactHash.OfFile(artifact.Path);
        var same = string.Equals(actual, artifact.Sha256, StringComparison.OrdinalIgnoreCase);
        return new ArtifactFinding(artifact, same ? ArtifactCheck.Ok : ArtifactCheck.Changed, actual);
    }

    private int Count(ArtifactCheck check) => Findings.Count(f => f.Check == check);
}
