using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Plugins.Tabular.Nb201;

namespace NasPlatform.Plugins.Tabular.Tests;

public sealed class Nb201SearchSpaceTests
{
    private readonly Nb201SearchSpace _space = new();

    [Fact]
    public void Sample_is_uniform_over_operations_on_every_edge()
    {
        var rng = new Random(1);
        var counts = new int[Nb201Cell.EdgeCount, Nb201Cell.Operations.Count];
        const int Draws = 50_000;
        for (var i = 0; i < Draws; i++)
        {
            var ops = Nb201Cell.FromCandidate(_space.Sample(rng)).OperationIndices;
            for (var e = 0; e < ops.Count; e++)
            {
                counts[e, ops[e]]++;
            }
        }

        // Each frequency is Binomial(50000, 0.2): standard deviation ~0.0018, so 0.01 is > 5 sigma.
        foreach (var count in counts)
        {
            Assert.InRange(count / (double)Draws, 0.19, 0.21);
        }
    }

    [Fact]
    public void Mutate_changes_exactly_one_edge_to_another_operation()
    {
        var rng = new Random(3);
        for (var i = 0; i < 2_000; i++)
        {
            var parent = _space.Sample(rng);
            var child = _space.Mutate(parent, rng);

            var a = Nb201Cell.FromCandidate(parent).OperationIndices;
            var b = Nb201Cell.FromCandidate(child).OperationIndices;
            Assert.Equal(1, Enumerable.Range(0, Nb201Cell.EdgeCount).Count(e => a[e] != b[e]));
        }
    }

    [Fact]
    public void Mutate_reaches_all_24_neighbours()
    {
        var parent = Nb201Cell.ParseCellString("|none~0|+|skip_connect~0|nor_conv_1x1~1|+|nor_conv_3x3~0|avg_pool_3x3~1|none~2|").ToCandidate();
        var rng = new Random(5);

        var children = Enumerable.Range(0, 2_000).Select(_ => _space.Mutate(parent, rng)).ToHashSet();

        Assert.Equal(Nb201Cell.EdgeCount * (Nb201Cell.Operations.Count - 1), children.Count);
    }

    [Fact]
    public void Crossover_takes_every_edge_from_a_parent_and_mixes_them()
    {
        var a = Nb201Cell.FromOperations(Enumerable.Repeat("nor_conv_3x3", 6).ToArray());
        var b = Nb201Cell.FromOperations(Enumerable.Repeat("avg_pool_3x3", 6).ToArray());
        var rng = new Random(11);

        var children = Enumerable.Range(0, 500)
            .Select(_ => Nb201Cell.FromCandidate(_space.Crossover(a.ToCandidate(), b.ToCandidate(), rng)))
            .ToList();

        Assert.All(children, c => Assert.All(c.OperationNames, op => Assert.Contains(op, new[] { "nor_conv_3x3", "avg_pool_3x3" })));
        Assert.Equal(64, children.Distinct().Count());
        Assert.Equal(a, Nb201Cell.FromCandidate(_space.Crossover(a.ToCandidate(), a.ToCandidate(), rng)));
    }

    [Fact]
    public void Validate_accepts_cells_and_rejects_the_rest()
    {
        Assert.Empty(_space.Validate(_space.Sample(new Random(0))));
        Assert.NotEmpty(_space.Validate(Candidate.From(JObject.Parse("""{"edges":["none","none","none","none","none"]}"""))));
        Assert.NotEmpty(_space.Validate(Candidate.From(JObject.Parse("""{"edges":["none","none","none","none","none","max_pool_3x3"]}"""))));
        Assert.NotEmpty(_space.Validate(Candidate.From(new JArray(1, 2, 3))));
    }

    [Fact]
    public void Encode_is_a_30_value_one_hot_per_edge()
    {
        var cell = Nb201Cell.ParseCellString("|none~0|+|skip_connect~0|nor_conv_1x1~1|+|nor_conv_3x3~0|avg_pool_3x3~1|none~2|");

        var features = _space.Encode(cell.ToCandidate());

        Assert.Equal(30, _space.EncodingLength);
        Assert.Equal(30, features.Length);
        var hot = Enumerable.Range(0, 30).Where(i => features[i] == 1.0).ToArray();
        // edge e with op o sits at 5e + o: ops 0,1,2,3,4,0 on edges 0..5.
        Assert.Equal([0, 6, 12, 18, 24, 25], hot);
        Assert.Equal(6.0, features.Sum());
    }

    [Fact]
    public void Choices_name_each_edge_as_the_benchmark_does_and_the_one_hot_slots_by_edge_and_operation()
    {
        // In the cell string node TO's group lists |op~FROM|, so the third entry is edge 2<-1.
        var cell = Nb201Cell.ParseCellString("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|avg_pool_3x3~0|nor_conv_1x1~1|none~2|");

        var choices = ((Abstractions.Spaces.ISearchSpace)_space).DescribeChoices(cell.ToCandidate());

        Assert.Equal(
            ["edge_1_0=nor_conv_3x3", "edge_2_0=none", "edge_2_1=skip_connect", "edge_3_0=avg_pool_3x3", "edge_3_1=nor_conv_1x1", "edge_3_2=none"],
            choices.Select(c => $"{c.Key}={c.Value}"));
        var names = ((Abstractions.Spaces.ISearchSpace)_space).EncodingFeatureNames;
        var features = _space.Encode(cell.ToCandidate());
        Assert.Equal(choices.Select(c => $"{c.Key}={c.Value}"), names.Where((_, i) => features[i] == 1.0));
    }

    [Fact]
    public void Free_statistics_name_params_flops_depth_and_connected()
    {
        var stats = _space.FreeStatistics(_space.Sample(new Random(2)));

        Assert.Equal(["connected", "depth", "flops", "params"], stats.Keys.Order().ToArray());
    }
}
