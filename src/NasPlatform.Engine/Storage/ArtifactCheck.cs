namespace NasPlatform.Engine.Storage;

/// <summary>What verifying one artifact against its recorded hash found.</summary>
public enum ArtifactCheck
{
    /// <summary>The file exists and has the recorded hash.</summary>
    Ok,

    /// <summary>A hash was recorded, but the file no longer exists.</summary>
    Missing,

    /// <summary>The file's content differs from when its trial was recorded (or it can no longer be read as a file).</summary>
    Changed,

    /// <summary>No hash was recorded (a folder, a file on a cluster worker's machine, an older store): nothing to compare with.</summary>
    Unverified,
}
