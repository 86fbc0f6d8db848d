using NasPlatform.Search.Strategies;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Strategies;
using NasPlatform.Plugins.Tabular.Nb201;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Search.Tests.Strategies;

public sealed class RandomSearchTests
{
    [Fact]
    public void Proposes_what_the_space_samples_from_the_generator()
    {
        var space = new Nb201SearchSpace();
        var strategy = new RandomSearchFactory().Create(new NasPlatform.Abstractions.Options.NoOptions(), StrategyContexts.Context() with { Space = space });

        var rng = new Random(42);
        var proposed = Enumerable.Range(0, 3).Select(_ => Nb201Cell.FromCandidate(strategy.Ask(rng).Candidate).ToCellString()).ToArray();

        // Pinned: changing the space's sampling or the strategy changes these.
        Assert.Equal(
            [
                "|nor_conv_3x3~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|skip_connect~2|",
                "|nor_conv_3x3~0|+|nor_conv_1x1~0|none~1|+|nor_conv_3x3~0|skip_connect~1|skip_connect~2|",
                "|nor_conv_1x1~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|nor_conv_1x1~1|none~2|",
            ],
            proposed);
        Assert.Null(strategy.Ask(rng).Fidelity);
    }

    [Fact]
    public void Ignores_outcomes()
    {
        var space = new LineSpace(1000);
        var strategy = new RandomSearch(space);
        var before = strategy.Ask(new Random(5)).Candidate;

        strategy.Tell(Outcomes.Completed(0, 3, 99));

        Assert.Equal(before, strategy.Ask(new Random(5)).Candidate);
    }
}
