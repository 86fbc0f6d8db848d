using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Dna;

/// <summary>
/// DNA's search step: one rated stage per teacher block, the combination with the least summed rating whose summed
/// stage parameters fit the budget. Parameters add up per block, so a dynamic programme over blocks keeping, per
/// reachable parameter total, only combinations no cheaper one beats (a Pareto front) ranks all combinations exactly.
/// </summary>
public static class BlockCombiner
{
    /// <summary>The best combination (one rating per block, in block order) under <paramref name="parameterBudget"/>, or null when none fits.</summary>
    public static IReadOnlyList<BlockRating>? Best(IReadOnlyList<IReadOnlyList<BlockRating>> ratingsPerBlock, long parameterBudget)
    {
        ArgumentNullException.ThrowIfNull(ratingsPerBlock);
        // Each state: (parameters so far, summed rating, chosen ratings); the front is sorted by parameters.
        var front = new List<(long Parameters, double Rating, BlockRating[] Chosen)> { (0, 0, []) };
        for (var k = 0; k < ratingsPerBlock.Count; k++)
        {
            if (ratingsPerBlock[k].Count == 0)
            {
                throw new ArgumentException($"Block {k} has no rated stages; rate at least one per block.", nameof(ratingsPerBlock));
            }

            var next = new List<(long Parameters, double Rating, BlockRating[] Chosen)>();
            foreach (var state in front)
            {
                foreach (var option in ratingsPerBlock[k])
                {
                    var parameters = state.Parameters + option.Parameters;
                    if (parameters <= parameterBudget)
                    {
                        next.Add((parameters, state.Rating + option.Rating, [.. state.Chosen, option]));
                    }
                }
            }

            front = Pareto(next);
        }

        return front.Count == 0 ? null : front.MinBy(s => s.Rating).Chosen;
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

    private static List<(long Parameters, double Rating, BlockRating[] Chosen)> Pareto(List<(long Parameters, double Rating, BlockRating[] Chosen)> states)
    {
        var front = new List<(long Parameters, double Rating, BlockRating[] Chosen)>();
        // Stable sort: among equal (parameters, rating) the first enumerated combination wins, so ties are reproducible.
        foreach (var state in states.Select((s, i) => (s, i)).OrderBy(x => x.s.Parameters).ThenBy(x => x.s.Rating).ThenBy(x => x.i).Select(x => x.s))
        {
            if (front.Count == 0 || state.Rating < front[^1].Rating)
            {
                front.Add(state);
            }
        }

        return front;
    }
}
