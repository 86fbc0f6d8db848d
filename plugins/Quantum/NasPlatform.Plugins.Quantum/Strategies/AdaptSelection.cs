using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Strategies;

/// <summary>
/// How ADAPT-VQE picks the operator it appends: by the largest |gradient| (Grimsley et al. 2019), or by the largest
/// |gradient| per CNOT of the operator's circuit, which favours cheap operators (a QEB single, 2 CNOTs, over a
/// double, 13) when their gradients are comparable.
/// </summary>
public static class AdaptSelection
{
    /// <summary>The largest |dE/dθ| (ADAPT-VQE as published).</summary>
    public const string Gradient = "gradient";

    /// <summary>The largest |dE/dθ| divided by the operator's CNOT count (an operator without CNOTs counts as 1).</summary>
    public const string GradientPerCnot = "gradient-per-cnot";

    /// <summary>Every selection rule.</summary>
    public static IReadOnlyList<string> All { get; } = [Gradient, GradientPerCnot];

    /// <summary>The pool index to append, by <paramref name="rule"/>; the first of equal scores.</summary>
    /// <exception cref="ArgumentException">An unknown rule.</exception>
    public static int Choose(IReadOnlyList<double> gradients, ExcitationOperatorPool pool, string rule)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(pool);
        Func<int, double> score = rule switch
        {
            Gradient => k => Math.Abs(gradients[k]),
            GradientPerCnot => k => Math.Abs(gradients[k]) / Math.Max(1, pool.CnotCount(k)),
            _ => throw new ArgumentException($"Unknown ADAPT selection \"{rule}\"; use {string.Join(" or ", All)}.", nameof(rule)),
        };
        var best = 0;
        for (var k = 1; k < gradients.Count; k++)
        {
            if (score(k) > score(best))
            {
                best = k;
            }
        }

        return best;
    }
}
