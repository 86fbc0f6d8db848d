using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Options;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Engine.Tests.Running.TestDomain;

/// <summary>Samples the space uniformly.</summary>
public sealed class RandomSamplingFactory : SearchStrategyFactory<NoOptions>
{
    public override string Name => "test-random";

    public override string Description => "uniform samples";

    public override ISearchStrategy Create(NoOptions options, StrategyContext context) => new Strategy(context);

    private sealed class Strategy(StrategyContext context) : ISearchStrategy
    {
        public TrialProposal Ask(Random rng) => new(context.Space.Sample(rng));

        public void Tell(TrialOutcome outcome)
        {
        }
    }
}

/// <summary>
/// Mutates the best usable trial told so far (samples until there is one), optionally at the
/// fidelity named by option "fidelity": its proposals depend on every Tell and their order, so it
/// shows whether a resumed run rebuilds the strategy exactly.
/// </summary>
public sealed class HillClimbFactory : SearchStrategyFactory<HillClimbOptions>
{
    public override string Name => "test-hill-climb";

    public override string Description => "mutates the best so far";

    public List<TrialOutcome> Told { get; } = [];

    public override ISearchStrategy Create(HillClimbOptions options, StrategyContext context) => new Strategy(context, options.Fidelity, Told);

    private sealed class Strategy(StrategyContext context, string? fidelity, List<TrialOutcome> told) : ISearchStrategy
    {
        private TrialOutcome? _best;

        public TrialProposal Ask(Random rng)
        {
            return _best is null
                ? new TrialProposal(context.Space.Sample(rng), fidelity)
                : new TrialProposal(context.Space.Mutate(_best.Candidate, rng), fidelity);
        }

        public void Tell(TrialOutcome outcome)
        {
            told.Add(outcome);
            var primary = context.Objectives.Primary;
            if (outcome.IsUsable && (_best is null || primary.IsBetter(outcome.Metrics[primary.Metric], _best.Metrics[primary.Metric])))
            {
                _best = outcome;
            }
        }
    }
}

/// <summary>
/// Plans a batch of proposals in one Ask (mutations of the best so far, drawn with that Ask's
/// generator) and hands them out one by one: its state lives in Ask as much as in Tell, so only a
/// resume that replays the asks rebuilds it.
/// </summary>
public sealed class BatchPlanningFactory : SearchStrategyFactory<NoOptions>
{
    public const int BatchSize = 4;

    public override string Name => "test-batch";

    public override string Description => "plans batches of mutations";

    public override ISearchStrategy Create(NoOptions options, StrategyContext context) => new Strategy(context);

    private sealed class Strategy(StrategyContext context) : ISearchStrategy
    {
        private readonly Queue<TrialProposal> _planned = new();
        private TrialOutcome? _best;

        public TrialProposal Ask(Random rng)
        {
            if (_planned.Count == 0)
            {
                for (var i = 0; i < BatchSize; i++)
                {
                    _planned.Enqueue(new TrialProposal(_best is null ? context.Space.Sample(rng) : context.Space.Mutate(_best.Candidate, rng)));
                }
            }

            return _planned.Dequeue();
        }

        public void Tell(TrialOutcome outcome)
        {
            var primary = context.Objectives.Primary;
            if (outcome.IsUsable && (_best is null || primary.IsBetter(outcome.Metrics[primary.Metric], _best.Metrics[primary.Metric])))
            {
                _best = outcome;
            }
        }
    }
}

/// <summary>Options of the test hill climb.</summary>
public sealed record HillClimbOptions
{
    /// <summary>The fidelity every proposal names; null for the experiment's.</summary>
    public string? Fidelity { get; init; }
}
