using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Storage;

/// <summary>The in-memory store keeps the rules of the SQLite store, so the runner behaves alike on both.</summary>
public sealed class InMemoryTrialStoreTests
{
    [Fact]
    public void A_name_is_taken_once()
    {
        using var store = new InMemoryTrialStore();
        store.CreateExperiment("e", "{}", 1, "/tmp");

        Assert.Throws<NasConfigurationException>(() => store.CreateExperiment("e", "{}", 1, "/tmp"));
    }

    [Fact]
    public void A_candidate_is_recorded_once_per_fidelity_and_a_number_once()
    {
        using var store = new InMemoryTrialStore();
        var id = store.CreateExperiment("e", "{}", 1, "/tmp").Id;
        var candidate = Bits("0101");
        store.AddTrial(id, 0, candidate, "full", new Dictionary<string, double>());

        Assert.Throws<InvalidOperationException>(() => store.AddTrial(id, 1, candidate, "full", new Dictionary<string, double>()));
        Assert.Throws<InvalidOperationException>(() => store.AddTrial(id, 0, Bits("1111"), "full", new Dictionary<string, double>()));
        Assert.Equal(TrialState.Pending, store.AddTrial(id, 1, candidate, "quick", new Dictionary<string, double>()).State);
    }

    [Fact]
    public void A_trial_runs_finishes_once_and_running_trials_go_back_to_pending()
    {
        using var store = new InMemoryTrialStore();
        var id = store.CreateExperiment("e", "{}", 1, "/tmp").Id;
        store.AddTrial(id, 0, Bits("0001"), "full", new Dictionary<string, double>());
        store.AddTrial(id, 1, Bits("0011"), "full", new Dictionary<string, double>());
        store.MarkRunning(id, 0, "w");
        store.MarkRunning(id, 1, "w");

        var finished = store.Finish(id, 0, TrialState.Completed, new Dictionary<string, double> { ["score"] = 4 }, true, null, [], tellSequence: 0);
        var requeued = store.RequeueRunning(id);

        Assert.Equal(4, finished.Metrics["score"]);
        Assert.Equal("w", finished.Worker);
        Assert.Throws<InvalidOperationException>(() => store.Finish(id, 0, TrialState.Failed, new Dictionary<string, double>(), true, "again", [], 1));
        Assert.Throws<ArgumentException>(() => store.Finish(id, 1, TrialState.Running, new Dictionary<string, double>(), true, null, [], 1));
        Assert.Equal([1], requeued.Select(t => t.Number));
        Assert.Equal([TrialState.Completed, TrialState.Pending], store.GetTrials(id).Select(t => t.State));
    }

    [Fact]
    public void Strategy_events_and_front_points_keep_the_first_record_of_a_sequence()
    {
        using var store = new InMemoryTrialStore();
        var id = store.CreateExperiment("e", "{}", 1, "/tmp").Id;

        Assert.True(store.AddStrategyEvent(id, 0, new StrategyEvent("fit", "first", new Dictionary<string, double>()), 3));
        Assert.False(store.AddStrategyEvent(id, 0, new StrategyEvent("fit", "replayed", new Dictionary<string, double>()), 3));
        store.AddFrontPoint(id, new FrontPoint(2, 2, 1, 5.0, new Dictionary<string, double>(), true));
        store.AddFrontPoint(id, new FrontPoint(2, 2, 1, 9.0, new Dictionary<string, double>(), true));

        Assert.Equal("first", Assert.Single(store.GetStrategyEvents(id)).Summary);
        Assert.Equal(5.0, Assert.Single(store.GetFrontHistory(id)).Hypervolume);
    }

    private static Candidate Bits(string bits) => BitStringSpace.Make(bits);
}
