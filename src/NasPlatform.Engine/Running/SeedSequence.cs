namespace NasPlatform.Engine.Running;

/// <summary>
/// Derives independent seeds from one seed, so every random choice of an experiment (each trial's
/// proposal, each benchmark run) flows from the experiment seed and can be replayed alone.
/// </summary>
public static class SeedSequence
{
    /// <summary>
    /// The seed of stream <paramref name="stream"/> under <paramref name="seed"/>: SplitMix64's
    /// finalizer applied to the 64-bit concatenation of both, keeping 31 bits. Distinct inputs give
    /// unrelated outputs; the result is never negative, because <see cref="Random(int)"/> maps a
    /// seed and its negation to the same sequence.
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
