
using NasPlatform.Workflows.Blockwise;
namespace NasPlatform.Workflows.Tests.Blockwise;

public sealed class BlockCombinerTests
{
    private static BlockOption<string> O(string name, double utility, params double[] costs) => new(name, utility, costs);

    [Fact]
    public void The_dp_finds_the_optimum_of_a_hand_made_table_that_greedy_misses()
    {
        // Greedy (best per block) needs 100 + 100 = 200 > 150. The optimum under 150: a + d (-0.1 - 0.5 = -0.6),
        // not b + c (-0.7) nor b + d (-0.9).
        IReadOnlyList<IReadOnlyList<BlockOption<string>>> table = [[O("a", -0.1, 100), O("b", -0.4, 40)], [O("c", -0.3, 100), O("d", -0.5, 40)]];
        string[] Best(double limit, int top = 1) => [.. BlockCombiner.Best(table, [0], [new CostBound("params", limit)], top).SelectMany(c => c.Items)];

        Assert.Equal(["a", "d"], Best(150));
        Assert.Equal(["a", "c"], Best(200));
        Assert.Equal(["b", "d"], Best(80));
        Assert.Empty(Best(79));
        Assert.Equal(["a", "d", "b", "c", "b", "d"], Best(150, top: 5));
        Assert.Equal(["b", "d"], BlockCombiner.Best(table, [10], [new CostBound("params", 90)]).Single().Items);
        Assert.Empty(BlockCombiner.Best(table, [0], [new CostBound("params", 80, Strict: true)]));
        Assert.Equal([80.0], BlockCombiner.SmallestCosts(table, [0]));
    }

    [Fact]
    public void The_k_best_under_two_bounds_match_exhaustive_search_on_random_tables()
    {
        var random = new Random(3);
        for (var round = 0; round < 60; round++)
        {
            var blocks = 2 + random.Next(3);
            IReadOnlyList<IReadOnlyList<BlockOption<int>>> table = [.. Enumerable.Range(0, blocks).Select(k =>
                (IReadOnlyList<BlockOption<int>>)[.. Enumerable.Range(0, 2 + random.Next(5)).Select(i => new BlockOption<int>(10 * k + i, -random.NextDouble(), [random.Next(10, 200), random.Next(10, 200)]))])];
            double[] fixedCosts = [random.Next(0, 50), random.Next(0, 50)];
            CostBound[] bounds = [new("params", random.Next(100, 600)), new("macs", round % 3 == 0 ? double.MaxValue : random.Next(100, 600), Strict: round % 2 == 0)];
            var top = 1 + random.Next(4);

            var exhaustive = Combinations(table)
                .Select(c => (Items: c.Select(o => o.Item).ToList(), Utility: c.Sum(o => o.Utility), Costs: fixedCosts.Select((f, i) => f + c.Sum(o => o.Costs[i])).ToArray()))
                .Where(c => c.Costs.Select((v, i) => bounds[i].Admits(v)).All(x => x))
                .OrderByDescending(c => c.Utility)
                .ToList();
            var best = BlockCombiner.Best(table, fixedCosts, bounds, top);

            Assert.Equal(Math.Min(top, exhaustive.Count), best.Count);
            for (var i = 0; i < best.Count; i++)
            {
                Assert.Equal(exhaustive[i].Utility, best[i].Utility, 12);
                Assert.Equal(best[i].Utility, best[i].Items.Select((item, k) => table[k].Single(o => o.Item == item).Utility).Sum(), 12);
                Assert.True(best[i].Costs.Select((v, j) => bounds[j].Admits(v)).All(x => x));
                Assert.Equal(Enumerable.Range(0, blocks), best[i].Items.Select(item => item / 10));
            }

            Assert.Equal(best.Count, best.Select(c => string.Join(",", c.Items)).Distinct().Count());
        }
    }

    [Fact]
    public void A_block_without_options_or_a_negative_cost_is_refused()
    {
        IReadOnlyList<IReadOnlyList<BlockOption<string>>> empty = [[O("a", 0, 1)], []];
        IReadOnlyList<IReadOnlyList<BlockOption<string>>> negative = [[O("a", 0, -1)]];

        Assert.Contains("Block 1 has no options", Assert.Throws<ArgumentException>(() => BlockCombiner.Best(empty, [0], [new CostBound("params", 10)])).Message);
        Assert.Contains("non-negative", Assert.Throws<ArgumentException>(() => BlockCombiner.Best(negative, [0], [new CostBound("params", 10)])).Message);
    }

    private static IEnumerable<List<BlockOption<int>>> Combinations(IReadOnlyList<IReadOnlyList<BlockOption<int>>> table, int k = 0)
    {
        if (k == table.Count)
        {
            yield return [];
            yield break;
        }

        foreach (var option in table[k])
        {
            foreach (var rest in Combinations(table, k + 1))
            {
                yield return [option, .. rest];
            }
        }
    }
}
