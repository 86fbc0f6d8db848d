using NasPlatform.Plugins.Vision.Dna;
using NasPlatform.Plugins.Vision.Networks;
using NasPlatform.Plugins.Vision.Spaces;

namespace NasPlatform.Plugins.Vision.Tests.Dna;

public sealed class BlockCombinerTests
{
    private static readonly StageGenes Any = new(1, 16, 1, 1, 3, false, Activation.Relu);

    private static BlockRating R(int block, long parameters, double rating, long macs = 0) => new(block, Any with { Depth = 1 + (int)(parameters % 3) }, parameters, macs, rating, 1);

    [Fact]
    public void The_dp_finds_the_optimum_of_a_hand_made_table_that_greedy_misses()
    {
        // Greedy (best per block) needs 100 + 100 = 200 > 150. The optimum under 150: 100 + 40 (0.1 + 0.5 = 0.6),
        // not 40 + 100 (0.4 + 0.3 = 0.7) nor 40 + 40 (0.4 + 0.5 = 0.9).
        IReadOnlyList<IReadOnlyList<BlockRating>> table =
        [
            [R(0, 100, 0.1), R(0, 40, 0.4)],
            [R(1, 100, 0.3), R(1, 40, 0.5)],
        ];
        var best = BlockCombiner.Best(table, 150)!;
        Assert.Equal([table[0][0], table[1][1]], best);
        Assert.Equal([table[0][0], table[1][0]], BlockCombiner.Best(table, 200));
        Assert.Equal([table[0][1], table[1][1]], BlockCombiner.Best(table, 80));
        Assert.Null(BlockCombiner.Best(table, 79));
    }

    [Fact]
    public void A_macs_budget_changes_the_pick_when_the_cheap_stage_in_parameters_is_expensive_in_macs()
    {
        IReadOnlyList<IReadOnlyList<BlockRating>> table =
        [
            [R(0, 10, 0.1, macs: 1000), R(0, 50, 0.2, macs: 100)],
            [R(1, 10, 0.3, macs: 100)],
        ];
        Assert.Equal([table[0][0], table[1][0]], BlockCombiner.Best(table, 100));
        Assert.Equal([table[0][1], table[1][0]], BlockCombiner.Best(table, 100, macsBudget: 500));
        Assert.Null(BlockCombiner.Best(table, 100, macsBudget: 199));
    }

    [Fact]
    public void The_dp_matches_exhaustive_search_on_random_tables_and_respects_the_budget()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 40; trial++)
        {
            IReadOnlyList<IReadOnlyList<BlockRating>> table = [.. Enumerable.Range(0, 4).Select(k =>
                (IReadOnlyList<BlockRating>)[.. Enumerable.Range(0, 5).Select(_ => R(k, random.Next(10, 200), random.NextDouble(), random.Next(10, 200)))])];
            var budget = random.Next(100, 600);
            var macsBudget = trial % 2 == 0 ? long.MaxValue : random.Next(100, 600);
            var exhaustive = Combinations(table).Where(c => c.Sum(r => r.Parameters) <= budget && c.Sum(r => r.Macs) <= macsBudget)
                .Select(c => c.Sum(r => r.Rating)).DefaultIfEmpty(double.NaN).Min();
            var best = BlockCombiner.Best(table, budget, macsBudget);
            if (double.IsNaN(exhaustive))
            {
                Assert.Null(best);
                continue;
            }

            Assert.NotNull(best);
            Assert.True(best.Sum(r => r.Parameters) <= budget);
            Assert.True(best.Sum(r => r.Macs) <= macsBudget);
            Assert.Equal(exhaustive, best.Sum(r => r.Rating), 12);
            Assert.Equal([0, 1, 2, 3], best.Select(r => r.Block));
        }
    }

    [Fact]
    public void The_assembled_candidate_validates_in_the_mbconv_space_and_its_parameters_are_the_dp_sum_plus_stem_head_and_classifier()
    {
        // Stage widths fixed to the MobileNetV2-like teacher's (16, 24, 32, 64), so no adapters and equal input widths.
        var options = MbConvSpaceOptions.Default with
        {
            StemWidths = [16],
            Stages = [new([1, 2], [16], [1]), new([1, 2], [24], [2]), new([1, 2], [32], [2]), new([1, 2], [64], [1])],
        };
        var space = new MbConvSpace(options);
        var blocks = TeacherBlock.Split(new NetworkSpec(1, 28, Baselines.Layers(Baselines.MobileNetV2, 10)));
        var random = new Random(5);
        IReadOnlyList<IReadOnlyList<BlockRating>> table = [.. blocks.Select(b => (IReadOnlyList<BlockRating>)[.. Enumerable.Range(0, 6).Select(_ =>
        {
            var stage = new StageGenes(1 + random.Next(2), b.OutChannels, b.Stride, options.Expansions[random.Next(options.Expansions.Length)],
                options.Kernels[random.Next(2)], random.Next(2) == 1, options.Activations[random.Next(2)]);
            return new BlockRating(b.Index, stage, NetworkStatistics.Count(BlockRater.StageNetwork(b, stage)).Parameters, 0, random.NextDouble(), 1);
        })])];
        var cheapest = table.Sum(o => o.Min(r => r.Parameters));
        var best = BlockCombiner.Best(table, cheapest + 20_000)!;
        var template = VisionCandidate.Parse(space.Sample(new Random(9)));
        var assembled = BlockCombiner.Assemble(template, best);

        Assert.Empty(space.Validate(assembled.ToCandidate()));
        var total = NetworkStatistics.Count(assembled.Network(1, 28, 10)).Parameters;
        List<LayerSpec> tail = template.Head > 0
            ? [new ConvLayer(template.Head, 1), new GlobalPoolLayer(), new DropoutLayer(), new LinearLayer(10, Classifier: true)]
            : [new GlobalPoolLayer(), new DropoutLayer(), new LinearLayer(10, Classifier: true)];
        var fixedPart = NetworkStatistics.Count(new NetworkSpec(1, 28, [new ConvLayer(16, 3)])).Parameters
            + NetworkStatistics.Count(new NetworkSpec(64, 7, tail)).Parameters;
        Assert.Equal(fixedPart + best.Sum(r => r.Parameters), total);
    }

    private static IEnumerable<List<BlockRating>> Combinations(IReadOnlyList<IReadOnlyList<BlockRating>> table, int k = 0)
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
