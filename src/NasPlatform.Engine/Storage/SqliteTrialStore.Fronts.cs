using NasPlatform.Abstractions.Evaluation;

namespace NasPlatform.Engine.Storage;

/// <summary>Fidelities and hypervolume history (the multi-fidelity and multi-objective additions).</summary>
public sealed partial class SqliteTrialStore
{
    /// <inheritdoc />
    public void RecordFidelities(long experimentId, IReadOnlyList<Fidelity> fidelities)
    {
        ArgumentNullException.ThrowIfNull(fidelities);
        Write(tx =>
        {
            using (var delete = Command(tx, "DELETE FROM fidelities WHERE experiment_id = $experiment", ("$experiment", experimentId)))
            {
                delete.ExecuteNonQuery();
            }

            for (var position = 0; position < fidelities.Count; position++)
            {
                var fidelity = fidelities[position];
                using var insert = Command(tx, """
                    INSERT INTO fidelities (experiment_id, position, name, cost, settings_json) VALUES ($experiment, $position, $name, $cost, $settings)
                    """,
                    ("$experiment", experimentId), ("$position", position), ("$name", fidelity.Name), ("$cost", fidelity.Cost),
                    ("$settings", NumberMapJson.Write(fidelity.Settings)));
                insert.ExecuteNonQuery();
            }

            return 0;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<Fidelity> GetFidelities(long experimentId) =>
        Read(tx =>
        {
            using var query = Command(tx, "SELECT name, cost, settings_json FROM fidelities WHERE experiment_id = $experiment ORDER BY position", ("$experiment", experimentId));
            using var reader = query.ExecuteReader();
            var fidelities = new List<Fidelity>();
            while (reader.Read())
            {
                fidelities.Add(new Fidelity(reader.GetString(0), reader.GetDouble(1), NumberMapJson.Read(reader.GetString(2))));
            }

            return fidelities;
        });

    /// <inheritdoc />
    public void AddFrontPoint(long experimentId, FrontPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        Write(tx =>
        {
            using var insert = Command(tx, """
                INSERT OR IGNORE INTO front_history (experiment_id, tell_seq, trial_number, front_size, hypervolume, reference_json, derived)
                VALUES ($experiment, $tell, $trial, $size, $hypervolume, $reference, $derived)
                """,
                ("$experiment", experimentId), ("$tell", point.TellSequence), ("$trial", point.TrialNumber), ("$size", point.FrontSize),
                ("$hypervolume", point.Hypervolume), ("$reference", NumberMapJson.Write(point.Reference)), ("$derived", point.DerivedReference ? 1 : 0));
            return insert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<FrontPoint> GetFrontHistory(long experimentId) =>
        Read(tx =>
        {
            using var query = Command(tx, """
                SELECT tell_seq, trial_number, front_size, hypervolume, reference_json, derived FROM front_history
                WHERE experiment_id = $experiment ORDER BY tell_seq
                """,
                ("$experiment", experimentId));
            using var reader = query.ExecuteReader();
            var points = new List<FrontPoint>();
            while (reader.Read())
            {
                points.Add(new FrontPoint(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDouble(3), NumberMapJson.Read(reader.GetString(4)), reader.GetInt64(5) != 0));
            }

            return points;
        });
}
