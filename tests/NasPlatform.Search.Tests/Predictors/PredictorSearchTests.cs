using NasPlatform.Testing.Domains;
using NasPlatform.Search.Predictors;
using NasPlatform.Abstractions.Predictors;

namespace NasPlatform.Search.Tests.Predictors;

public sealed class PredictorSearchTests
{
    [Fact]
    public void Evolution_on_the_predictor_finds_its_optimum()
    {
        var space = new BitStringSpace(16);
        var predictor = new WeightedBits();
        var search = new PredictorSearch(space, predictor, _ => true, new PredictorSearchOptions { RandomSamples = 50, Generations = 15, Parents = 10 });

        var found = search.Run([], new Random(1));

        Assert.Equal(new string('1', 16), BitStringSpace.Bits(found[0].Candidate));
        Assert.Equal(search.Scored, found.Count);
        Assert.True(search.Scored < 1 << 16, "it must not have scored the whole space");
        Assert.All(found.Zip(found.Skip(1)), pair => Assert.True(pair.First.Mean >= pair.Second.Mean));
    }

    [Fact]
    public void Candidates_the_filter_refuses_are_never_scored_or_returned()
    {
        var space = new BitStringSpace(16);
        var predictor = new WeightedBits();
        static bool AtMostSixOnes(NasPlatform.Abstractions.Candidates.Candidate c) => BitStringSpace.Bits(c).Count(b => b == '1') <= 6;
        var search = new PredictorSearch(space, predictor, AtMostSixOnes, new PredictorSearchOptions { RandomSamples = 100, Generations = 20, Parents = 10 });

        var found = search.Run([], new Random(2));

        Assert.All(predictor.Rows, r => Assert.True(r.Sum() <= 6));
        Assert.All(found, f => Assert.True(AtMostSixOnes(f.Candidate)));
        // The best admitted sets the six highest-weighted bits (81); one-bit mutations under the
        // constraint may stop one swap short of it, so the best found is six ones scoring near that.
        Assert.Equal(6, BitStringSpace.Bits(found[0].Candidate).Count(b => b == '1'));
        Assert.InRange(found[0].Mean, 78, 81);
    }

    [Fact]
    public void The_same_generator_gives_the_same_search()
    {
        var space = new BitStringSpace(12);
        var options = new PredictorSearchOptions { RandomSamples = 30, Generations = 5, Parents = 5 };
        var seeds = new[] { BitStringSpace.Make("000000000111") };

        var first = new PredictorSearch(space, new WeightedBits(), _ => true, options).Run(seeds, new Random(3));
        var second = new PredictorSearch(space, new WeightedBits(), _ => true, options).Run(seeds, new Random(3));

        Assert.Equal(first.Select(f => f.Candidate.Hash), second.Select(f => f.Candidate.Hash));
        Assert.Contains(first, f => BitStringSpace.Bits(f.Candidate) == "000000000111");
    }

    [Fact]
    public void The_space_filling_design_spreads_out_distinct_admitted_candidates()
    {
        var space = new BitStringSpace(12);
        var excluded = new HashSet<string> { BitStringSpace.Make(new string('0', 12)).Hash };

        var design = InitialDesign.SpaceFilling(space, 8, new Random(4), c => BitStringSpace.Bits(c)[0] == '0', excluded);
        var again = InitialDesign.SpaceFilling(space, 8, new Random(4), c => BitStringSpace.Bits(c)[0] == '0', excluded);

        Assert.Equal(8, design.Select(c => c.Hash).Distinct().Count());
        Assert.All(design, c => Assert.Equal('0', BitStringSpace.Bits(c)[0]));
        Assert.DoesNotContain(design, c => excluded.Contains(c.Hash));
        Assert.Equal(design, again);
        Assert.True(MinimumDistance(design) >= 3, $"closest pair {MinimumDistance(design)} bits apart");
    }

    private static int MinimumDistance(IReadOnlyList<NasPlatform.Abstractions.Candidates.Candidate> candidates) =>
        candidates.SelectMany((a, i) => candidates.Skip(i + 1).Select(b =>
            BitStringSpace.Bits(a).Zip(BitStringSpace.Bits(b)).Count(p => p.First != p.Second))).Min();

    /// <summary>A fixed "predictor": bit i weighs i + 1; records every row it scores.</summary>
    private sealed class WeightedBits : IPredictor
    {
        public List<double[]> Rows { get; } = [];

        public string Name => "weighted-bits";

        public bool IsFitted => true;

        public void Fit(IReadOnlyList<double[]> encodings, IReadOnlyList<double> targets, int seed) =>
            throw new NotSupportedException();

        public Prediction Predict(IReadOnlyList<double[]> encodings)
        {
            Rows.AddRange(encodings);
            var mean = encodings.Select(r => r.Select((v, i) => v * (i + 1)).Sum()).ToArray();
            return new Prediction(mean, new double[encodings.Count]);
        }
    }
}
