using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// DNA's search step: one rated stage per teacher block, the combination with the least summed rating whose summed
/// stage parameters (and MACs) fit the budgets. Both add up per block, so a dynamic programme over blocks keeping only
/// partial combinations that no other beats in parameters, MACs and rating at once (a Pareto front) is exact.
/// </summary>
public static class BlockCombiner
{
    /// <summary>
    /// The best combination (one rating per block, in block order) under <paramref name="parameterBudget"/> and
    /// <paramref name="macsBudget"/>, or null when none fits.
    /// </summary>
    public static IReadOnlyList<BlockRating>? Best(IReadOnlyList<IReadOnlyList<BlockRating>> ratingsPerBlock, long parameterBudget, long macsBudget = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(ratingsPerBlock);
        var front = new List<State> { new(0, 0, 0, []) };
        for (var k = 0; k < ratingsPerBlock.Count; k++)
        {
            if (ratingsPerBlock[k].Count == 0)
            {
                throw new ArgumentException($"Block {k} has no rated stages; rate at least one per block.", nameof(ratingsPerBlock));
            }

            var next = new List<State>();
            foreach (var state in front)
            {
                foreach (var option in ratingsPerBlock[k])
                {
                    var parameters = state.Parameters + option.Parameters;
                    var macs = state.Macs + option.Macs;
                    if (parameters <= parameterBudget && macs <= macsBudget)
                    {
                        next.Add(new State(parameters, macs, state.Rating + option.Rating, [.. state.Chosen, option]));
                    }
                }
            }

            front = Pareto(next);
        }

        return front.Count == 0 ? null : front.MinBy(s => s.Rating)!.Chosen;
    }

    /// <summary>
    /// The <c>mbconv</c> candidate of <paramref name="template"/> (stem, head, recipe) with the chosen stages.
    /// Its parameters equal the template's stem, head and classifier plus the summed stage parameters the DP used
    /// exactly when every chosen width equals the teacher's (no adapters); otherwise the first block of each stage
    /// sees the previous chosen width instead of the teacher's, and the adapters are dropped.
    /// </summary>
    public static VisionCandidate Assemble(VisionCandidate template, IReadOnlyList<BlockRating> chosen)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(chosen);
        if (template.Baseline is not null || template.Stages.Count != chosen.Count)
        {
            throw new ArgumentException($"The template must be an mbconv candidate with {chosen.Count} stages (one per teacher block).", nameof(template));
        }

        return template with { Stages = chosen.OrderBy(r => r.Block).Select(r => r.Stage).ToList() };
    }

    private static List<State> Pareto(List<State> states)
    {
        var front = new List<State>();
        // Sorted by parameters, every kept state is at most as large; a state survives unless a kept one also has
        // no more MACs and no worse rating. Stable order: among equal states the first enumerated wins.
        foreach (var state in states.Select((s, i) => (s, i)).OrderBy(x => x.s.Parameters).ThenBy(x => x.s.Rating).ThenBy(x => x.s.Macs).ThenBy(x => x.i).Select(x => x.s))
        {
            if (!front.Exists(kept => kept.Macs <= state.Macs && kept.Rating <= state.Rating))
            {
                front.Add(state);
            }
        }

        return front;
    }

    private sealed record State(long Parameters, long Macs, double Rating, BlockRating[] Chosen);
}
