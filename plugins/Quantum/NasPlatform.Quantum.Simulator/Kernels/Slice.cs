namespace NasPlatform.Quantum.Simulator.Kernels;

/// <summary>Part <c>Part</c> of <c>Parts</c> of a kernel's outer loop, for in-gate threading; default = the whole loop.</summary>
internal readonly record struct Slice(int Part, int Parts)
{
    public bool IsFirst => Part == 0;

    /// <summary>[from, to) of a loop over <paramref name="count"/> iterations taken in steps of <paramref name="run"/>.</summary>
    public (int From, int To) Range(int count, int run)
    {
        if (Parts <= 1)
        {
            return (0, count);
        }

        var runs = count / run;
        var per = (runs + Parts - 1) / Parts;
        var from = Math.Min(count, Part * per * run);
        return (from, Math.Min(count, from + per * run));
    }
}
