using NasPlatform.Abstractions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Storage;

/// <summary>Changes to a started experiment that the user asked for: amendments of its spec, and archiving it under another name.</summary>
public sealed partial class SqliteTrialStore
{
    /// <summary>
    /// Replaces the experiment's stored spec with <paramref name="specDocument"/> and records
    /// <paramref name="changes"/> with the time, in one transaction.
    /// </summary>
    public ExperimentRecord Amend(long experimentId, string specDocument, IReadOnlyList<SpecChange> changes)
    {
        ArgumentNullException.ThrowIfNull(specDocument);
        ArgumentNullException.ThrowIfNull(changes);
        var json = new JArray(changes.Select(c => new JObject { ["path"] = c.Path, ["stored"] = c.Stored?.DeepClone(), ["given"] = c.Given?.DeepClone() }));
        return Write(tx =>
        {
            using (var update = Command(tx, "UPDATE experiments SET spec = $spec WHERE id = $id", ("$spec", specDocument), ("$id", experimentId)))
            {
                if (update.ExecuteNonQuery() != 1)
                {
                    throw new KeyNotFoundException($"Store '{Location}' has no experiment with id {experimentId}.");
                }
            }

            using (var insert = Command(tx, """
                INSERT INTO amendments (experiment_id, sequence, created_at, changes_json)
                VALUES ($id, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM amendments WHERE experiment_id = $id), $now, $changes)
                """,
                ("$id", experimentId), ("$now", Timestamp(DateTimeOffset.UtcNow)), ("$changes", json.ToString(Formatting.None))))
            {
                insert.ExecuteNonQuery();
            }

            using var query = Command(tx, $"SELECT {ExperimentColumns} FROM experiments WHERE id = $id", ("$id", experimentId));
            using var reader = query.ExecuteReader();
            reader.Read();
            return ReadExperiment(reader);
        });
    }

    /// <summary>The experiment's amendments, oldest first.</summary>
    public IReadOnlyList<AmendmentRecord> GetAmendments(long experimentId) =>
        Read(tx =>
        {
            using var query = Command(tx, "SELECT sequence, created_at, changes_json FROM amendments WHERE experiment_id = $id ORDER BY sequence", ("$id", experimentId));
            using var reader = query.ExecuteReader();
            var amendments = new List<AmendmentRecord>();
            while (reader.Read())
            {
                var changes = JArray.Parse(reader.GetString(2)).Cast<JObject>()
                    .Select(c => new SpecChange((string)c["path"]!, Value(c["stored"]), Value(c["given"])))
                    .ToList();
                amendments.Add(new AmendmentRecord(reader.GetInt32(0), ParseTimestamp(reader.GetString(1)), changes));
            }

            return amendments;
        });

    /// <summary>
    /// Renames the experiment to <paramref name="archivedName"/>, keeping every trial, artifact path and
    /// amendment, so that a new experiment can start under its old name.
    /// </summary>
    /// <exception cref="NasConfigurationException">The store already holds an experiment named <paramref name="archivedName"/>.</exception>
    public ExperimentRecord Archive(long experimentId, string archivedName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivedName);
        if (FindExperiment(archivedName) is not null)
        {
            throw new NasConfigurationException($"Store '{Location}' already holds an experiment named '{archivedName}'; wait a second and try again.");
        }

        UpdateExperiment(experimentId, "name = $value", archivedName);
        return GetExperiment(experimentId);
    }

    private static JToken? Value(JToken? token) => token is null || token.Type == JTokenType.Null ? null : token;
}
