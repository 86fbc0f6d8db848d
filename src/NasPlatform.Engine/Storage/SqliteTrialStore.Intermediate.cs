namespace NasPlatform.Engine.Storage;

/// <summary>Intermediate values: what evaluators report per step while they run, kept for pruners and readers.</summary>
public sealed partial class SqliteTrialStore
{
    /// <inheritdoc />
    public void AddIntermediateValues(long experimentId, int number, int step, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        RecordIntermediateValues(experimentId, [new IntermediateValues(number, step, metrics)], []);
    }

    /// <inheritdoc />
    public void RecordIntermediateValues(long experimentId, IReadOnlyList<IntermediateValues> added, IReadOnlyList<(int TrialNumber, int Step)> removed)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removed);
        if (added.Count == 0 && removed.Count == 0)
        {
            return;
        }

        var now = Timestamp(DateTimeOffset.UtcNow);
        Write(tx =>
        {
            // A step reported twice keeps its latest values: an evaluator may refine a step's report.
            using var insert = Command(tx, """
                INSERT OR REPLACE INTO intermediate_values (experiment_id, trial_number, step, metrics_json, recorded_at)
                VALUES ($experiment, $number, $step, $metrics, $now)
                """,
                ("$experiment", experimentId), ("$number", 0), ("$step", 0), ("$metrics", string.Empty), ("$now", now));
            foreach (var values in added)
            {
                insert.Parameters["$number"].Value = values.TrialNumber;
                insert.Parameters["$step"].Value = values.Step;
                insert.Parameters["$metrics"].Value = NumberMapJson.Write(values.Metrics);
                insert.ExecuteNonQuery();
            }

            using var delete = Command(tx, "DELETE FROM intermediate_values WHERE experiment_id = $experiment AND trial_number = $number AND step = $step",
                ("$experiment", experimentId), ("$number", 0), ("$step", 0));
            foreach (var (number, step) in removed)
            {
                delete.Parameters["$number"].Value = number;
                delete.Parameters["$step"].Value = step;
                delete.ExecuteNonQuery();
            }

            return added.Count + removed.Count;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<IntermediateValues> GetIntermediateValues(long experimentId, int? number = null) =>
        Read(tx =>
        {
            var values = new List<IntermediateValues>();
            // A store written before the table existed and opened read-only never gained it: it has no values.
            using (var exists = Command(tx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'intermediate_values'"))
            {
                if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    return values;
                }
            }

            var filter = number is null ? string.Empty : " AND trial_number = $number";
            using var query = Command(tx, $"""
                SELECT trial_number, step, metrics_json FROM intermediate_values
                WHERE experiment_id = $experiment{filter} ORDER BY trial_number, step
                """,
                ("$experiment", experimentId), ("$number", number));
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                values.Add(new IntermediateValues(reader.GetInt32(0), reader.GetInt32(1), NumberMapJson.Read(reader.GetString(2))));
            }

            return values;
        });
}
