using NasPlatform.Abstractions.Search;

namespace NasPlatform.Engine.Storage;

/// <summary>Strategy events: what a strategy reported (a predictor's refit), kept once per sequence number.</summary>
public sealed partial class SqliteTrialStore
{
    /// <inheritdoc />
    public bool AddStrategyEvent(long experimentId, long sequence, StrategyEvent strategyEvent, long trialsTold)
    {
        ArgumentNullException.ThrowIfNull(strategyEvent);
        return Write(tx =>
        {
            using var insert = Command(tx, """
                INSERT OR IGNORE INTO strategy_events (experiment_id, sequence, kind, summary, values_json, trials_told, created_at)
                VALUES ($experiment, $sequence, $kind, $summary, $values, $told, $now)
                """,
                ("$experiment", experimentId), ("$sequence", sequence), ("$kind", strategyEvent.Kind), ("$summary", strategyEvent.Summary),
                ("$values", NumberMapJson.Write(strategyEvent.Values)), ("$told", trialsTold), ("$now", Timestamp(DateTimeOffset.UtcNow)));
            return insert.ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<StrategyEventRecord> GetStrategyEvents(long experimentId, string? kind = null) =>
        Read(tx =>
        {
            var filter = kind is null ? string.Empty : " AND kind = $kind";
            using var query = Command(tx, $"""
                SELECT experiment_id, sequence, kind, summary, values_json, trials_told, created_at
                FROM strategy_events WHERE experiment_id = $experiment{filter} ORDER BY sequence
                """,
                ("$experiment", experimentId), ("$kind", kind));
            using var reader = query.ExecuteReader();
            var events = new List<StrategyEventRecord>();
            while (reader.Read())
            {
                events.Add(new StrategyEventRecord(
                    reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                    NumberMapJson.Read(reader.GetString(4)), reader.GetInt64(5), ParseTimestamp(reader.GetString(6))));
            }

            return events;
        });
}
