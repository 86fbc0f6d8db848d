namespace NasPlatform.Search;

/// <summary>
/// Derives independent seeds from the experiment seed, so every random choice (trial
/// <c>n</c>'s proposal, an evaluation, a benchmark run) has a stream of its own that does not
/// depend on what happened before it. That is what lets a resumed experiment ask exactly what an
/// uninterrupted one would have.
/// </summary>
public static class SeedSequence
{
    /// <summary>
    /// The seed of stream <paramref name="stream"/> of <paramref name="seed"/>: SplitMix64 (Steele,
    /// Lea and Flood 2014) applied to <c>((ulong)seed &lt;&lt; 32) | (uint)stream</c>, keeping the top
    /// 31 bits, so the result is non-negative and neighbouring seeds or streams give unrelated values.
    /// </summary>
    public static int Derive(int seed, int stream)
    {
        var z = ((ulong)(uint)seed << 32) | (uint)stream;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z >> 33);
    }
}
