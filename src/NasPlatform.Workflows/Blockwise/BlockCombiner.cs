namespace NasPlatform.Workflows.Blockwise;

/// <summary>
/// The combination step of a block-wise search (DNA): one option per block, maximizing the summed utility while
/// the fixed costs plus the blocks' costs stay within every upper bound. Costs add up per block and are never
/// negative, so a dynamic programme over blocks is exact when it drops only partial combinations that at least
/// <c>top</c> kept ones beat at once in utility and in every cost (each such rival completes with the same
/// remaining blocks into a combination at least as good). With one bound and <c>top</c> = 1 this is the classic
/// Pareto-front knapsack.
/// </summary>
public static class BlockCombiner
{
    /// <summary>The <paramref name="top"/> best combinations within <paramref name="bounds"/>, best first; empty when none fits.</summary>
    /// <param name="options">Per block, its rated options (each option's costs in the order of <paramref name="bounds"/>).</param>
    /// <param name="fixedCosts">Costs outside the blocks, in the order of <paramref name="bounds"/>.</param>
    /// <param name="bounds">Upper bounds on the totals.</param>
    /// <param name="top">How many combinations to return at most.</param>
    public static IReadOnlyList<BlockCombination<T>> Best<T>(IReadOnlyList<IReadOnlyList<BlockOption<T>>> options, IReadOnlyList<double> fixedCosts, IReadOnlyList<CostBound> bounds, int top = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fixedCosts);
        ArgumentNullException.ThrowIfNull(bounds);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (fixedCosts.Count != bounds.Count)
        {
            throw new ArgumentException($"{fixedCosts.Count} fixed costs for {bounds.Count} bounds.", nameof(fixedCosts));
        }

        var front = new List<State<T>> { new([.. fixedCosts], 0, []) };
        for (var k = 0; k < options.Count; k++)
        {
            if (options[k].Count == 0)
            {
                throw new ArgumentException($"Block {k} has no options; rate at least one per block.", nameof(options));
            }

            var next = new List<State<T>>();
            foreach (var state in front)
            {
                foreach (var option in options[k])
                {
                    if (option.Costs.Count != bounds.Count || option.Costs.Any(c => !(c >= 0)))
                    {
                        throw new ArgumentException($"An option of block {k} has costs [{string.Join(", ", option.Costs)}]; {bounds.Count} non-negative costs are needed.", nameof(options));
                    }

                    var costs = state.Costs.Zip(option.Costs, (a, b) => a + b).ToArray();
                    if (costs.Select((c, i) => bounds[i].Admits(c)).All(x => x))
                    {
                        next.Add(new State<T>(costs, state.Utility + option.Utility, [.. state.Items, option.Item]));
                    }
                }
            }

            front = Prune(next, top);
        }

        return [.. front.Take(top).Select(s => new BlockCombination<T>(s.Items, s.Utility, s.Costs))];
    }

    /// <summary>The least total of each cost any combination reaches (fixed part plus each block's cheapest option), bounds ignored.</summary>
    public static IReadOnlyList<double> SmallestCosts<T>(IReadOnlyList<IReadOnlyList<BlockOption<T>>> options, IReadOnlyList<double> fixedCosts)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fixedCosts);
        return [.. fixedCosts.Select((f, i) => f + options.Sum(block => block.Min(o => o.Costs[i])))];
    }

    private static List<State<T>> Prune<T>(List<State<T>> states, int top)
    {
        // Best utility first, then lexicographically cheaper, then enumeration order: every state that beats a
        // state comes before it, so counting beaters among those kept is enough (a dropped beater is itself beaten
        // by `top` kept states, which then beat this one too).
        var ordered = states.Select((s, i) => (s, i))
            .OrderByDescending(x => x.s.Utility)
            .ThenBy(x => x.s.Costs, CostOrder.Instance)
            .ThenBy(x => x.i)
            .Select(x => x.s);
        var kept = new List<State<T>>();
        foreach (var state in ordered)
        {
            var beaten = 0;
            foreach (var other in kept)
            {
                if (other.Utility >= state.Utility && other.Costs.Zip(state.Costs, (a, b) => a <= b).All(x => x) && ++beaten >= top)
                {
                    break;
                }
            }

            if (beaten < top)
            {
                kept.Add(state);
            }
        }

        return kept;
    }

    private sealed record State<T>(double[] Costs, double Utility, T[] Items);

    private sealed class CostOrder : IComparer<double[]>
    {
        public static CostOrder Instance { get; } = new();

        public int Compare(double[]? x, double[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
