using NasPlatform.Engine.Tests.Running.TestDomain;
using Microsoft.Data.Sqlite;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Engine.Tests.Storage;

public sealed class StrategyEventStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Events_round_trip_by_sequence_and_a_replayed_sequence_number_is_kept_once()
    {
        using var store = SqliteTrialStore.Open(_dir.File("store.db"));
        var id = store.CreateExperiment("e", "{}", 1, _dir.Path).Id;
        var fit = new StrategyEvent(StrategyEvent.PredictorFitKind, "mlp-ensemble fitted on 20 trials", new Dictionary<string, double> { ["kendallTau"] = 0.1 + 0.2, ["trainedOn"] = 20 });

        Assert.True(store.AddStrategyEvent(id, 0, fit, trialsTold: 20));
        Assert.True(store.AddStrategyEvent(id, 1, new StrategyEvent("note", "something else", new Dictionary<string, double>()), trialsTold: 25));
        Assert.False(store.AddStrategyEvent(id, 0, fit with { Summary = "the same event, replayed" }, trialsTold: 0));

        var events = store.GetStrategyEvents(id);
        Assert.Equal([0L, 1L], events.Select(e => e.Sequence));
        Assert.Equal("mlp-ensemble fitted on 20 trials", events[0].Summary);
        Assert.Equal(20, events[0].TrialsTold);
        Assert.Equal(0.1 + 0.2, events[0].Values["kendallTau"]);
        Assert.Single(store.GetStrategyEvents(id, StrategyEvent.PredictorFitKind));
    }

    [Fact]
    public void A_store_written_before_strategy_events_existed_gets_their_table_when_opened()
    {
        var path = _dir.File("old.db");
        using (var store = SqliteTrialStore.Open(path))
        {
            store.CreateExperiment("e", "{}", 1, _dir.Path);
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE strategy_events";
            drop.ExecuteNonQuery();
        }

        using var reopened = SqliteTrialStore.OpenExisting(path);
        var id = reopened.FindExperiment("e")!.Id;
        Assert.Empty(reopened.GetStrategyEvents(id));
        Assert.True(reopened.AddStrategyEvent(id, 0, new StrategyEvent("note", "works", new Dictionary<string, double>()), 0));
    }
}
