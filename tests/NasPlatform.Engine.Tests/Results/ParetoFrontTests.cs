using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Results;

public sealed class ParetoFrontTests
{
    private static readonly ObjectiveSet AccuracyAndLatency = new([new Objective("accuracy", Direction.Maximize), new Objective("latency", Direction.Minimize)]);

    [Fact]
    public void Keeps_exactly_the_non_dominated_usable_trials_best_primary_first()
    {
        var trials = new[]
        {
            Trial(0, accuracy: 0.90, latency: 10),
            Trial(1, accuracy: 0.95, latency: 20),
            Trial(2, accuracy: 0.85, latency: 12), // dominated by 0
            Trial(3, accuracy: 0.90, latency: 10), // ties 0: neither dominates
            Trial(4, accuracy: 0.99, latency: 1, state: TrialState.Failed),
            Trial(5, accuracy: 0.99, latency: 1, feasible: false),
            Trial(6, accuracy: 0.80, latency: 5),
        };

        var front = ParetoFront.Of(trials, AccuracyAndLatency);

        Assert.Equal([1, 0, 3, 6], front.Select(t => t.Number));
        Assert.Equal([1, 0, 3, 6], BestTrials.Of(trials, AccuracyAndLatency).Select(t => t.Number));
    }

    [Fact]
    public void Members_leave_when_a_new_trial_dominates_them()
    {
        var front = new ParetoFront(AccuracyAndLatency);
        Assert.True(front.Add(Trial(0, accuracy: 0.90, latency: 10)));
        Assert.True(front.Add(Trial(1, accuracy: 0.80, latency: 5)));
        Assert.False(front.Add(Trial(2, accuracy: 0.70, latency: 6)));
        Assert.True(front.Add(Trial(3, accuracy: 0.95, latency: 5)));

        Assert.Equal([3], front.Members.Select(t => t.Number));
        Assert.False(front.Add(Trial(3, accuracy: 0.95, latency: 5)));
    }

    [Fact]
    public void With_one_objective_the_best_is_the_earliest_of_the_best_value()
    {
        var loss = new ObjectiveSet([new Objective("latency", Direction.Minimize)]);
        var trials = new[] { Trial(0, 0, latency: 3), Trial(1, 0, latency: 2), Trial(2, 0, latency: 2), Trial(3, 0, latency: 4) };

        Assert.Equal([1], BestTrials.Of(trials, loss).Select(t => t.Number));
        Assert.Equal([1, 2], ParetoFront.Of(trials, loss).Select(t => t.Number));
        Assert.Empty(BestTrials.Of([Trial(0, 0, 1, state: TrialState.Failed)], loss));
    }

    private static TrialRecord Trial(int number, double accuracy, double latency, TrialState state = TrialState.Completed, bool feasible = true) =>
        new(
            1,
            number,
            BitStringSpace.Make(Convert.ToString(number, 2)),
            BitStringSpace.Make(Convert.ToString(number, 2)).Hash,
            "full",
            state,
            new Dictionary<string, double>(),
            state == TrialState.Completed ? new Dictionary<string, double> { ["accuracy"] = accuracy, ["latency"] = latency } : new Dictionary<string, double>(),
            feasible,
            null,
            null,
            DateTimeOffset.UnixEpoch,
            null,
            null,
            number,
            Array.Empty<Artifact>());
}
