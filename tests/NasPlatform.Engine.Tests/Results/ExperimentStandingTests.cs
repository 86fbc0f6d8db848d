using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Results;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Results;

public sealed class ExperimentStandingTests
{
    private static readonly ObjectiveSet Accuracy = new([new Objective("accuracy", Direction.Maximize)]);
    private static readonly ObjectiveSet AccuracyAndLatency = new([new Objective("accuracy", Direction.Maximize), new Objective("latency", Direction.Minimize)]);
    private static readonly IReadOnlyList<Fidelity> QuickAndFull = [new Fidelity("quick", 0.25), new Fidelity("full", 1.0)];
    private static readonly IReadOnlyDictionary<string, double> NoReferences = new Dictionary<string, double>();

    [Fact]
    public void Counts_every_state_and_the_infeasible_completed_trials()
    {
        var standing = Of(Accuracy, new BudgetSpec(10, null),
            Trial(0, TrialState.Completed, accuracy: 0.5),
            Trial(1, TrialState.Completed, accuracy: 0.9, feasible: false),
            Trial(2, TrialState.Failed),
            Trial(3, TrialState.Pruned),
            Trial(4, TrialState.Running),
            Trial(5, TrialState.Pending),
            Trial(6, TrialState.Pending));

        Assert.Equal((2, 1, 1, 1, 2, 1), (standing.Completed, standing.Failed, standing.Pruned, standing.Running, standing.Pending, standing.Infeasible));
        Assert.Equal(4, standing.Finished);
        Assert.Equal(7, standing.Total);
        Assert.Equal(standing.Pending, standing.Count(TrialState.Pending));
        // Finished and running trials hold their share of the trials budget.
        Assert.Equal(5, standing.TrialsLeft);
    }

    [Fact]
    public void Finished_and_running_trials_spend_their_fidelity_cost_pending_ones_do_not()
    {
        var standing = Of(Accuracy, new BudgetSpec(null, null, Cost: 3),
            Trial(0, TrialState.Completed, fidelity: "quick"),
            Trial(1, TrialState.Failed, fidelity: "full"),
            Trial(2, TrialState.Running, fidelity: "quick"),
            Trial(3, TrialState.Pending, fidelity: "full"),
            Trial(4, TrialState.Pruned, fidelity: "gone"));

        Assert.Equal(1.5, standing.CostSpent);
        Assert.Equal(1.5, standing.CostLeft);
        Assert.Null(standing.TrialsLeft);
        Assert.Equal(["quick", "full", "gone"], standing.FidelitiesUsed);
    }

    [Fact]
    public void Without_known_fidelities_the_cost_is_unknown_and_a_resolver_prices_unknown_names()
    {
        var unknown = new ExperimentStanding(Accuracy, NoReferences, new BudgetSpec(5, null), []).ApplyAll([Trial(0, TrialState.Completed)]);
        Assert.Null(unknown.CostSpent);
        Assert.Null(unknown.CostLeft);

        var priced = new ExperimentStanding(Accuracy, NoReferences, new BudgetSpec(null, null, 10), QuickAndFull) { CostOfUnknownFidelity = _ => 4 };
        priced.Apply(Trial(0, TrialState.Completed, fidelity: "gone"));
        Assert.Equal(4.0, priced.CostSpent);
    }

    [Fact]
    public void A_trial_moving_from_pending_to_running_to_finished_is_counted_once_in_its_latest_state()
    {
        var standing = new ExperimentStanding(Accuracy, NoReferences, new BudgetSpec(3, null), QuickAndFull);

        standing.Apply(Trial(0, TrialState.Pending));
        standing.Apply(Trial(0, TrialState.Running));
        Assert.Equal((0, 1, 0), (standing.Pending, standing.Running, standing.Finished));
        Assert.Equal(1.0, standing.CostSpent);

        standing.Apply(Trial(0, TrialState.Completed, accuracy: 0.7));
        Assert.Equal((0, 0, 1), (standing.Pending, standing.Running, standing.Finished));
        Assert.Equal(1.0, standing.CostSpent);
        Assert.Equal([0], standing.Best.Select(t => t.Number));
        Assert.Throws<InvalidOperationException>(() => standing.Apply(Trial(0, TrialState.Failed)));
    }

    [Fact]
    public void The_best_trials_come_from_the_highest_fidelity_with_a_usable_trial()
    {
        var standing = Of(Accuracy, new BudgetSpec(10, null),
            Trial(0, TrialState.Completed, accuracy: 0.99, fidelity: "quick"),
            Trial(1, TrialState.Completed, accuracy: 0.6, fidelity: "full"),
            Trial(2, TrialState.Completed, accuracy: 0.8, fidelity: "full"),
            Trial(3, TrialState.Completed, accuracy: 0.95, fidelity: "full", feasible: false));

        Assert.Equal([2], standing.Best.Select(t => t.Number));
        Assert.Equal("full", standing.BestFidelity);
        Assert.Null(standing.Hypervolume);
        Assert.Equal(
            BestTrials.Of(standing.Best, Accuracy, ["quick", "full"]).Select(t => t.Number),
            standing.Best.Select(t => t.Number));
    }

    [Fact]
    public void With_several_objectives_the_front_and_its_hypervolume_appear_once_a_trial_finished()
    {
        var references = new Dictionary<string, double> { ["accuracy"] = 0, ["latency"] = 100 };
        var standing = new ExperimentStanding(AccuracyAndLatency, references, new BudgetSpec(10, null), QuickAndFull);
        standing.Apply(Trial(0, TrialState.Running));
        Assert.Null(standing.Hypervolume);

        standing.Apply(Trial(0, TrialState.Failed));
        Assert.Equal(0, standing.Hypervolume!.Value);
        Assert.Equal(0, standing.Hypervolume.FrontSize);

        standing.Apply(Trial(1, TrialState.Completed, accuracy: 0.9, latency: 10));
        standing.Apply(Trial(2, TrialState.Completed, accuracy: 0.8, latency: 5));
        standing.Apply(Trial(3, TrialState.Completed, accuracy: 0.7, latency: 20));

        Assert.Equal([1, 2], standing.Front.Select(t => t.Number));
        Assert.Equal([1, 2], standing.Best.Select(t => t.Number));
        var expected = FrontHypervolume.Measure(standing.Front, AccuracyAndLatency, references);
        Assert.Equal(expected.Value, standing.Hypervolume!.Value);
        Assert.Equal(2, standing.Hypervolume.FrontSize);
        Assert.False(standing.Hypervolume.Derived);
    }

    [Fact]
    public void Of_a_spec_takes_its_objectives_references_and_budget()
    {
        var spec = TestExperiments.Spec("/nowhere/store.db", trials: 4, objectives: [new Objective("accuracy", Direction.Maximize)]);

        var standing = ExperimentStanding.Of([Trial(0, TrialState.Completed, accuracy: 0.3), Trial(1, TrialState.Running)], spec, QuickAndFull);

        Assert.Equal(spec.Budget, standing.Budget);
        Assert.Equal(2, standing.TrialsLeft);
        Assert.Equal(2.0, standing.CostSpent);
        Assert.Equal([0], standing.Best.Select(t => t.Number));
    }

    private static ExperimentStanding Of(ObjectiveSet objectives, BudgetSpec budget, params TrialRecord[] trials) =>
        new ExperimentStanding(objectives, NoReferences, budget, QuickAndFull).ApplyAll(trials);

    private static TrialRecord Trial(int number, TrialState state, double accuracy = 0.5, double latency = 1, string fidelity = "full", bool feasible = true) =>
        new(
            1,
            number,
            BitStringSpace.Make(Convert.ToString(number, 2)),
            BitStringSpace.Make(Convert.ToString(number, 2)).Hash,
            fidelity,
            state,
            new Dictionary<string, double>(),
            state == TrialState.Completed ? new Dictionary<string, double> { ["accuracy"] = accuracy, ["latency"] = latency } : new Dictionary<string, double>(),
            feasible,
            null,
            null,
            DateTimeOffset.UnixEpoch,
            null,
            null,
            state is TrialState.Completed or TrialState.Failed or TrialState.Pruned ? number : null,
            Array.Empty<Artifact>());
}
