using System.Security.Cryptography;
using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>What a resumed build does with a sample whose record may already exist.</summary>
public enum ResumeAction
{
    /// <summary>No record, a failed record to retry, or a record made under other flow options: (re)build it.</summary>
    Build,

    /// <summary>A record of the same source content and flow options: keep it.</summary>
    Keep,

    /// <summary>A good record made from other source content under the same name: refused unless --replace.</summary>
    Conflict,
}

/// <summary>
/// Resume keyed by content: a sample is done only when its record was made from the same source (SHA-256 of the
/// Verilog, the generated RTL, or the DEF and its LEFs) with the flow options that shape it (technology, grid,
/// route effort) and hotspot label version. A failed sample is retried when its source or time limits changed, or with --retry-failed.
/// A good sample under the same name but from other content is a conflict: two designs would share one name
/// (and one side of a split by design), so the build refuses rather than mixing or silently replacing them.
/// </summary>
public static class SampleResume
{
    /// <summary>The SHA-256 (hex) of the given texts or files' bytes, in order.</summary>
    public static string Hash(IEnumerable<byte[]> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(BitConverter.GetBytes(part.Length));
            sha.AppendData(part);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static SampleRecord? Read(string root, string key)
    {
        var path = SampleFiles.RecordPath(root, key);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonConvert.DeserializeObject<SampleRecord>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null; // a damaged record is rebuilt
        }
    }

    public static ResumeAction Decide(SampleRecord? record, SampleRecord wanted, bool retryFailed, bool replace)
    {
        if (record is null)
            return ResumeAction.Build;
        var sameSource = record.SourceHash is null
            ? record.Source == wanted.Source // made before hashes were recorded: trust the name, as before
            : record.SourceHash == wanted.SourceHash;
        if (!sameSource)
            return record.Succeeded && !replace ? ResumeAction.Conflict : ResumeAction.Build;
        if (record.Technology != wanted.Technology)
            return ResumeAction.Build;
        if (record.Succeeded)
        {
            // A sample labelled under another hotspot definition (version or threshold) is rebuilt, so one dataset never mixes meanings
            // ('nas eda labels DIR --relabel' upgrades such samples without routing them again).
            var current = record.Labels?.HasCurrentHotspot == true;
            return current && record.GridSize == wanted.GridSize && (record.RouteEffort ?? wanted.RouteEffort) == wanted.RouteEffort ? ResumeAction.Keep : ResumeAction.Build;
        }

        var sameLimits = record.PlaceTimeoutSeconds == wanted.PlaceTimeoutSeconds && record.RouteTimeoutSeconds == wanted.RouteTimeoutSeconds
            && (record.TimeoutsScaled ?? "none") == (wanted.TimeoutsScaled ?? "none");
        return retryFailed || !sameLimits || record.SourceHash is null ? ResumeAction.Build : ResumeAction.Keep;
    }

    public static string ConflictMessage(SampleRecord record, SampleRecord wanted) =>
        $"{wanted.Key}: the dataset's samples of design '{wanted.Design}' were made from {Describe(record.Source)} (sha256 {Short(record.SourceHash)}), "
        + $"but {Describe(wanted.Source)} has other content (sha256 {Short(wanted.SourceHash)}). Pass --replace to rebuild them from the new source, "
        + "or give the new file another top module name (FILE:TOP) to add it as a separate design.";

    private static string Describe(string? source) => source switch
    {
        null or "generated" => "the generated RTL",
        _ when source.IndexOf(':', StringComparison.Ordinal) is var cut and > 0 => source[(cut + 1)..],
        _ => source,
    };

    private static string Short(string? hash) => hash is null ? "not recorded" : hash[..Math.Min(12, hash.Length)];
}
