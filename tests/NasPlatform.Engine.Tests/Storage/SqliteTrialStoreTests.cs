using NasPlatform.Engine.Tests.Running.TestDomain;
using NasPlatform.Abstractions;
using Microsoft.Data.Sqlite;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;
using NasPlatform.Testing.Domains;

namespace NasPlatform.Engine.Tests.Storage;

public sealed class SqliteTrialStoreTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Open_creates_the_file_and_its_folder_with_the_schema()
    {
        var path = Path.Combine(_dir.Path, "nested", "store.db");
        using (var store = SqliteTrialStore.Open(path))
        {
            Assert.Equal(path, store.Location);
            Assert.Empty(store.ListExperiments());
        }

        Assert.True(File.Exists(path));
        using var again = SqliteTrialStore.OpenExisting(path);
        Assert.Empty(again.ListExperiments());
    }

    [Fact]
    public void Metrics_and_free_statistics_round_trip_bit_for_bit()
    {
        var path = _dir.File("store.db");
        var metrics = new Dictionary<string, double>
        {
            ["sum"] = 0.1 + 0.2,
            ["tiny"] = double.Epsilon,
            ["huge"] = double.MaxValue,
            ["third"] = 1.0 / 3.0,
            ["negative zero"] = -0.0,
            ["integer"] = 5e6,
            ["pi"] = -Math.PI,
        };
        var free = new Dictionary<string, double> { ["params"] = 123456789.0, ["odd"] = double.NaN, ["inf"] = double.PositiveInfinity };
        var artifacts = new[] { new Artifact("model", "/tmp/a/model.bin"), new Artifact("log", "/tmp/a/log.txt") };
        long experimentId;
        using (var store = SqliteTrialStore.Open(path))
        {
            experimentId = store.CreateExperiment("exp", "{\"name\":\"exp\"}", 42, "/tmp").Id;
            store.AddTrial(experimentId, 0, BitStringSpace.Make("0101"), "full", free);
            store.MarkRunning(experimentId, 0, "host:1/0");
            store.Finish(experimentId, 0, TrialState.Completed, metrics, feasible: false, error: null, artifacts, tellSequence: 0);
        }

        using var reopened = SqliteTrialStore.OpenExisting(path);
        var trial = Assert.Single(reopened.GetTrials(experimentId));
        Assert.Equal(0, trial.Number);
        Assert.Equal(BitStringSpace.Make("0101"), trial.Candidate);
        Assert.Equal(BitStringSpace.Make("0101").Hash, trial.Hash);
        Assert.Equal("full", trial.Fidelity);
        Assert.Equal(TrialState.Completed, trial.State);
        Assert.False(trial.Feasible);
        Assert.Null(trial.Error);
        Assert.Equal("host:1/0", trial.Worker);
        Assert.Equal(0, trial.TellSequence);
        Assert.NotNull(trial.StartedAt);
        Assert.NotNull(trial.FinishedAt);
        Assert.True(trial.FinishedAt >= trial.StartedAt && trial.StartedAt >= trial.CreatedAt);
        Assert.Equal(artifacts, trial.Artifacts);
        Assert.Equal(metrics.Keys, trial.Metrics.Keys);
        foreach (var (name, value) in metrics)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(trial.Metrics[name]));
        }

        Assert.Equal(123456789.0, trial.FreeStatistics["params"]);
        Assert.True(double.IsNaN(trial.FreeStatistics["odd"]));
        Assert.Equal(double.PositiveInfinity, trial.FreeStatistics["inf"]);

        var experiment = reopened.FindExperiment("exp")!;
        Assert.Equal("{\"name\":\"exp\"}", experiment.SpecDocument);
        Assert.Equal(42, experiment.Seed);
        Assert.Equal(ExperimentStatus.Running, experiment.Status);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_an_sqlite_database_naming_it()
    {
        var path = _dir.File("notes.txt");
        File.WriteAllText(path, "These are my notes, not a database. They go on for a while to fill a header.");
        var error = Assert.Throws<NasConfigurationException>(() => SqliteTrialStore.Open(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("not a NasPlatform store", error.Message);
        Assert.StartsWith("These are my notes", File.ReadAllText(path));
    }

    [Fact]
    public void Refuses_an_sqlite_database_of_another_application()
    {
        var path = _dir.File("other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<NasConfigurationException>(() => SqliteTrialStore.Open(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("customers", error.Message);
    }

    [Fact]
    public void Refuses_a_store_with_a_newer_schema_version()
    {
        var path = _dir.File("store.db");
        SqliteTrialStore.Open(path).Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE nas_store SET value = '99' WHERE key = 'version'";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<NasConfigurationException>(() => SqliteTrialStore.Open(path));
        Assert.Contains("version 99", error.Message);
    }

    [Fact]
    public void OpenExisting_refuses_a_missing_file_without_creating_it()
    {
        var path = _dir.File("missing.db");
        var error = Assert.Throws<NasConfigurationException>(() => SqliteTrialStore.OpenExisting(path));
        Assert.Contains(path, error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Experiment_names_are_unique()
    {
        using var store = SqliteTrialStore.Open(_dir.File("store.db"));
        store.CreateExperiment("exp", "{}", 1, "/tmp");
        var error = Assert.Throws<NasConfigurationException>(() => store.CreateExperiment("exp", "{}", 2, "/tmp"));
        Assert.Contains($"nas resume {store.Location} --experiment exp`", error.Message);
        Assert.Single(store.ListExperiments());
    }

    [Fact]
    public void A_candidate_is_recorded_once_per_fidelity()
    {
        using var store = SqliteTrialStore.Open(_dir.File("store.db"));
        var id = store.CreateExperiment("exp", "{}", 1, "/tmp").Id;
        store.AddTrial(id, 0, BitStringSpace.Make("01"), "full", new Dictionary<string, double>());
        Assert.Throws<InvalidOperationException>(() => store.AddTrial(id, 1, BitStringSpace.Make("01"), "full", new Dictionary<string, double>()));
        Assert.Throws<InvalidOperationException>(() => store.AddTrial(id, 0, BitStringSpace.Make("10"), "full", new Dictionary<string, double>()));
        store.AddTrial(id, 1, BitStringSpace.Make("01"), "quick", new Dictionary<string, double>());
        Assert.Equal(2, store.GetTrials(id).Count);
    }

    [Fact]
    public void State_changes_are_checked()
    {
        using var store = SqliteTrialStore.Open(_dir.File("store.db"));
        var id = store.CreateExperiment("exp", "{}", 1, "/tmp").Id;
        store.AddTrial(id, 0, BitStringSpace.Make("01"), "full", new Dictionary<string, double>());
        store.MarkRunning(id, 0, "w");
        Assert.Throws<InvalidOperationException>(() => store.MarkRunning(id, 0, "w"));
        store.Finish(id, 0, TrialState.Failed, new Dictionary<string, double>(), true, "boom", [], 0);
        Assert.Throws<InvalidOperationException>(() => store.Finish(id, 0, TrialState.Completed, new Dictionary<string, double>(), true, null, [], 1));
        Assert.Throws<InvalidOperationException>(() => store.MarkRunning(id, 5, "w"));
        Assert.Throws<ArgumentException>(() => store.Finish(id, 0, TrialState.Running, new Dictionary<string, double>(), true, null, [], 1));
        Assert.Equal("boom", store.GetTrials(id)[0].Error);
    }

    [Fact]
    public void Finish_records_the_worker_learned_at_the_end_and_otherwise_keeps_the_slot()
    {
        using var store = SqliteTrialStore.Open(_dir.File("store.db"));
        var id = store.CreateExperiment("exp", "{}", 1, "/tmp").Id;
        store.AddTrial(id, 0, BitStringSpace.Make("01"), "full", new Dictionary<string, double>());
        store.AddTrial(id, 1, BitStringSpace.Make("10"), "full", new Dictionary<string, double>());
        store.MarkRunning(id, 0, "cluster/0");
        store.MarkRunning(id, 1, "cluster/1");

        var named = store.Finish(id, 0, TrialState.Completed, new Dictionary<string, double> { ["x"] = 1 }, true, null, [], 0, worker: "gpu-box:4711@10.0.0.2:11111");
        var kept = store.Finish(id, 1, TrialState.Completed, new Dictionary<string, double> { ["x"] = 2 }, true, null, [], 1);

        Assert.Equal("gpu-box:4711@10.0.0.2:11111", named.Worker);
        Assert.Equal("cluster/1", kept.Worker);
        Assert.Equal(["gpu-box:4711@10.0.0.2:11111", "cluster/1"], store.GetTrials(id).Select(t => t.Worker));
    }

    [Fact]
    public void RequeueRunning_moves_only_running_trials_back_to_pending()
    {
        using var store = SqliteTrialStore.Open(_dir.File("store.db"));
        var id = store.CreateExperiment("exp", "{}", 1, "/tmp").Id;
        var other = store.CreateExperiment("other", "{}", 1, "/tmp").Id;
        for (var n = 0; n < 4; n++)
        {
            store.AddTrial(id, n, BitStringSpace.Make(Convert.ToString(n, 2).PadLeft(3, '0')), "full", new Dictionary<string, double>());
        }

        store.AddTrial(other, 0, BitStringSpace.Make("000"), "full", new Dictionary<string, double>());
        store.MarkRunning(other, 0, "w");
        store.MarkRunning(id, 1, "w");
        store.MarkRunning(id, 3, "w");
        store.MarkRunning(id, 2, "w");
        store.Finish(id, 2, TrialState.Completed, new Dictionary<string, double> { ["x"] = 1 }, true, null, [], 0);

        var requeued = store.RequeueRunning(id);

        Assert.Equal([1, 3], requeued.Select(t => t.Number));
        Assert.All(requeued, t => Assert.Equal(TrialState.Pending, t.State));
        Assert.All(requeued, t => Assert.Null(t.Worker));
        Assert.Equal(
            [TrialState.Pending, TrialState.Pending, TrialState.Completed, TrialState.Pending],
            store.GetTrials(id).Select(t => t.State));
        Assert.Equal(TrialState.Running, store.GetTrials(other)[0].State);
    }

    [Fact]
    public void Elapsed_time_and_status_accumulate_across_handles()
    {
        var path = _dir.File("store.db");
        using (var store = SqliteTrialStore.Open(path))
        {
            var id = store.CreateExperiment("exp", "{}", 1, "/tmp").Id;
            store.AddElapsed(id, 1.25);
            store.SetStatus(id, ExperimentStatus.Interrupted);
        }

        using (var store = SqliteTrialStore.Open(path))
        {
            store.AddElapsed(store.FindExperiment("exp")!.Id, 2.5);
        }

        using var last = SqliteTrialStore.OpenExisting(path);
        var experiment = last.FindExperiment("exp")!;
        Assert.Equal(3.75, experiment.ElapsedSeconds);
        Assert.Equal(ExperimentStatus.Interrupted, experiment.Status);
        Assert.Equal(experiment, last.GetExperiment(experiment.Id) with { });
        Assert.Null(last.FindExperiment("nope"));
    }

    [Fact]
    public async Task Concurrent_writers_from_worker_threads_lose_nothing()
    {
        using var store = SqliteTrialStore.Open(_dir.File("store.db"));
        var id = store.CreateExperiment("exp", "{}", 1, "/tmp").Id;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
            {
                var number = (worker * 25) + i;
                store.AddTrial(id, number, BitStringSpace.Make(Convert.ToString(number, 2).PadLeft(8, '0')), "full", new Dictionary<string, double>());
                store.MarkRunning(id, number, $"w{worker}");
                store.Finish(id, number, TrialState.Completed, new Dictionary<string, double> { ["n"] = number }, true, null, [], number);
            }
        })));

        var trials = store.GetTrials(id);
        Assert.Equal(Enumerable.Range(0, 200), trials.Select(t => t.Number));
        Assert.All(trials, t => Assert.Equal(t.Number, t.Metrics["n"]));
    }

    [Fact]
    public void A_second_process_style_handle_reads_while_the_first_writes()
    {
        var path = _dir.File("store.db");
        using var writer = SqliteTrialStore.Open(path);
        var id = writer.CreateExperiment("exp", "{}", 1, "/tmp").Id;
        writer.AddTrial(id, 0, BitStringSpace.Make("1"), "full", new Dictionary<string, double>());
        using var reader = SqliteTrialStore.OpenExisting(path);
        Assert.Single(reader.GetTrials(id));
        writer.AddTrial(id, 1, BitStringSpace.Make("0"), "full", new Dictionary<string, double>());
        Assert.Equal(2, reader.GetTrials(id).Count);
    }
}
