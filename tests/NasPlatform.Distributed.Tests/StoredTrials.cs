using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Distributed.Tests;

/// <summary>Reads an experiment's trials from its store while (or after) another process writes it.</summary>
public static class StoredTrials
{
    /// <summary>The experiment's trials; none while the store or the experiment does not exist yet.</summary>
    public static IReadOnlyList<TrialRecord> Of(string storePath, string experiment)
    {
        if (!File.Exists(storePath))
        {
            return [];
        }

        try
        {
            using var store = SqliteTrialStore.OpenExisting(storePath);
            return store.FindExperiment(experiment) is { } found ? store.GetTrials(found.Id) : [];
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Abstractions.NasConfigurationException)
        {
            return []; // the store is still being created
        }
    }

    /// <summary>
    /// How many of its trials are finished (completed, failed or pruned). Polled every 50 ms while a kill waits, so it
    /// is one COUNT on a read-only connection: opening the store and reading every trial each time cost the test host
    /// a good part of a core, taken from the very processes whose start the chaos check waits for.
    /// </summary>
    public static int Finished(string storePath, string experiment)
    {
        if (!File.Exists(storePath))
        {
            return 0;
        }

        try
        {
            var connection = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder
            {
                DataSource = storePath,
                Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly,
                Pooling = false,
                DefaultTimeout = 5,
            };
            using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(connection.ToString());
            sqlite.Open();
            using var count = sqlite.CreateCommand();
            count.CommandText = """
                SELECT count(*) FROM trials JOIN experiments ON experiments.id = trials.experiment_id
                WHERE experiments.name = $name AND trials.state IN ('completed', 'failed', 'pruned')
                """;
            count.Parameters.AddWithValue("$name", experiment);
            return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the store is still being created
        }
    }

    /// <summary>
    /// The store's promise after a run that completed: trials 0..budget-1, each completed once, each
    /// candidate once, told to the strategy exactly once each, in one unbroken sequence.
    /// </summary>
    public static void AssertBudgetExact(IReadOnlyList<TrialRecord> trials, int budget)
    {
        Assert.Equal(Enumerable.Range(0, budget), trials.Select(t => t.Number).Order());
        Assert.All(trials, t => Assert.Equal(TrialState.Completed, t.State));
        Assert.Equal(budget, trials.Select(t => t.Hash).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, budget).Select(i => (long?)i), trials.Select(t => t.TellSequence).Order());
    }

    /// <summary>Nothing stored is lost or rewritten: every trial finished in <paramref name="before"/> is in <paramref name="after"/> unchanged.</summary>
    public static void AssertKept(IEnumerable<TrialRecord> before, IReadOnlyList<TrialRecord> after)
    {
        foreach (var trial in before.Where(t => t.IsFinished))
        {
            var now = after.SingleOrDefault(t => t.Number == trial.Number);
            Assert.True(now is not null, $"trial {trial.Number} was stored finished, and is gone");
            Assert.Equal((trial.Hash, trial.State, trial.TellSequence, trial.FinishedAt), (now.Hash, now.State, now.TellSequence, now.FinishedAt));
            Assert.Equal(trial.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal), now.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal));
        }
    }
}
