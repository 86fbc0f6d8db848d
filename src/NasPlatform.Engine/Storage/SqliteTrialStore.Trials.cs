using System.Globalization;
using Microsoft.Data.Sqlite;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;

namespace NasPlatform.Engine.Storage;

/// <summary>Trials: recording, running, finishing and reading them back.</summary>
public sealed partial class SqliteTrialStore
{
    /// <inheritdoc />
    public TrialRecord AddTrial(long experimentId, int number, Candidate candidate, string fidelity, IReadOnlyDictionary<string, double> freeStatistics, long toldBefore = 0, IReadOnlyList<int>? parents = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentException.ThrowIfNullOrEmpty(fidelity);
        ArgumentNullException.ThrowIfNull(freeStatistics);
        try
        {
            return Write(tx =>
            {
                using var insert = Command(tx, """
                    INSERT INTO trials (experiment_id, number, candidate_json, hash, fidelity, state, free_stats_json, metrics_json, feasible, created_at, told_before)
                    VALUES ($experiment, $number, $candidate, $hash, $fidelity, $state, $free, '{}', 1, $now, $told)
                    """,
                    ("$experiment", experimentId), ("$number", number), ("$candidate", candidate.Json), ("$hash", candidate.Hash),
                    ("$fidelity", fidelity), ("$state", Text(TrialState.Pending)), ("$free", NumberMapJson.Write(freeStatistics)),
                    ("$now", Timestamp(DateTimeOffset.UtcNow)), ("$told", toldBefore));
                insert.ExecuteNonQuery();
                foreach (var (parent, position) in (parents ?? []).Select((p, i) => (p, i)))
                {
                    using var lineage = Command(tx,
                        "INSERT INTO trial_parents (experiment_id, trial_number, position, parent_number) VALUES ($experiment, $number, $position, $parent)",
                        ("$experiment", experimentId), ("$number", number), ("$position", position), ("$parent", parent));
                    lineage.ExecuteNonQuery();
                }

                return LoadTrial(tx, experimentId, number)!;
            });
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            throw new InvalidOperationException(
                $"Cannot record trial {number} of experiment {experimentId}: its number is taken, the experiment does not exist, or candidate {candidate.Hash} is already recorded at fidelity '{fidelity}' ({e.Message}).", e);
        }
    }

    /// <inheritdoc />
    public TrialRecord MarkRunning(long experimentId, int number, string worker)
    {
        ArgumentException.ThrowIfNullOrEmpty(worker);
        return Write(tx =>
        {
            using var update = Command(tx, """
                UPDATE trials SET state = $running, worker = $worker, started_at = $now
                WHERE experiment_id = $experiment AND number = $number AND state = $pending
                """,
                ("$running", Text(TrialState.Running)), ("$worker", worker), ("$now", Timestamp(DateTimeOffset.UtcNow)),
                ("$experiment", experimentId), ("$number", number), ("$pending", Text(TrialState.Pending)));
            if (update.ExecuteNonQuery() != 1)
            {
                throw NotInState(tx, experimentId, number, "pending");
            }

            using var forget = Command(tx, "DELETE FROM intermediate_values WHERE experiment_id = $experiment AND trial_number = $number",
                ("$experiment", experimentId), ("$number", number));
            forget.ExecuteNonQuery();
            return LoadTrial(tx, experimentId, number)!;
        });
    }

    /// <inheritdoc />
    public TrialRecord Finish(
        long experimentId,
        int number,
        TrialState state,
        IReadOnlyDictionary<string, double> metrics,
        bool feasible,
        string? error,
        IReadOnlyList<Artifact> artifacts,
        long tellSequence,
        string? worker = null)
    {
        TrialRecord.RequireFinishArguments(state, metrics, artifacts);

        // Hashed before taking the store's lock: reading large files must not stall other writers.
        var hashes = artifacts.Select(a => ArtifactHash.OfFile(a.Path)).ToList();
        return Write(tx =>
        {
            using var update = Command(tx, """
                UPDATE trials SET state = $state, metrics_json = $metrics, feasible = $feasible, error = $error,
                    finished_at = $now, tell_seq = $tell, worker = COALESCE($worker, worker)
                WHERE experiment_id = $experiment AND number = $number AND state IN ($pending, $running)
                """,
                ("$state", Text(state)), ("$metrics", NumberMapJson.Write(metrics)), ("$feasible", feasible ? 1 : 0), ("$error", error),
                ("$now", Timestamp(DateTimeOffset.UtcNow)), ("$tell", tellSequence), ("$worker", worker), ("$experiment", experimentId), ("$number", number),
                ("$pending", Text(TrialState.Pending)), ("$running", Text(TrialState.Running)));
            if (update.ExecuteNonQuery() != 1)
            {
                throw NotInState(tx, experimentId, number, "pending or running");
            }

            foreach (var (artifact, sha256) in artifacts.Zip(hashes))
            {
                using var insert = Command(tx, """
                    INSERT INTO artifacts (experiment_id, trial_number, name, path, sha256) VALUES ($experiment, $number, $name, $path, $sha256)
                    """,
                    ("$experiment", experimentId), ("$number", number), ("$name", artifact.Name), ("$path", artifact.Path), ("$sha256", sha256));
                insert.ExecuteNonQuery();
            }

            return LoadTrial(tx, experimentId, number)!;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> GetTrials(long experimentId) =>
        Read(tx => LoadTrials(tx, experimentId));

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> RequeueRunning(long experimentId) =>
        Write(tx =>
        {
            using var update = Command(tx, """
                UPDATE trials SET state = $pending, worker = NULL, started_at = NULL
                WHERE experiment_id = $experiment AND state = $running
                RETURNING number
                """,
                ("$pending", Text(TrialState.Pending)), ("$experiment", experimentId), ("$running", Text(TrialState.Running)));
            var numbers = new List<long>();
            using (var reader = update.ExecuteReader())
            {
                while (reader.Read())
                {
                    numbers.Add(reader.GetInt64(0));
                }
            }

            return numbers.Order().Select(n => LoadTrial(tx, experimentId, (int)n)!).ToList();
        });

    private static TrialRecord? LoadTrial(SqliteTransaction tx, long experimentId, int number) =>
        LoadTrials(tx, experimentId, number).SingleOrDefault();

    /// <summary>The experiment's trials with their artifacts; one trial when <paramref name="number"/> is given.</summary>
    private static List<TrialRecord> LoadTrials(SqliteTransaction tx, long experimentId, int? number = null)
    {
        var artifactFilter = number is null ? string.Empty : " AND trial_number = $number";
        var trialFilter = number is null ? string.Empty : " AND number = $number";
        var parameters = new (string, object?)[] { ("$experiment", experimentId), ("$number", number) };
        var artifacts = new Dictionary<int, List<Artifact>>();
        using (var query = Command(tx, $"SELECT trial_number, name, path FROM artifacts WHERE experiment_id = $experiment{artifactFilter} ORDER BY rowid", parameters))
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                var trialNumber = reader.GetInt32(0);
                if (!artifacts.TryGetValue(trialNumber, out var list))
                {
                    artifacts[trialNumber] = list = [];
                }

                list.Add(new Artifact(reader.GetString(1), reader.GetString(2)));
            }
        }

        var parents = LoadParents(tx, experimentId, artifactFilter, parameters);
        var trials = new List<TrialRecord>();
        using (var query = Command(tx, $"SELECT {TrialColumns} FROM trials WHERE experiment_id = $experiment{trialFilter} ORDER BY number", parameters))
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                var trialNumber = reader.GetInt32(1);
                trials.Add(new TrialRecord(
                    ExperimentId: reader.GetInt64(0),
                    Number: trialNumber,
                    Candidate: Candidate.Parse(reader.GetString(2)),
                    Hash: reader.GetString(3),
                    Fidelity: reader.GetString(4),
                    State: Enum.Parse<TrialState>(reader.GetString(5), ignoreCase: true),
                    FreeStatistics: NumberMapJson.Read(reader.GetString(6)),
                    Metrics: NumberMapJson.Read(reader.GetString(7)),
                    Feasible: reader.GetInt64(8) != 0,
                    Error: reader.IsDBNull(9) ? null : reader.GetString(9),
                    Worker: reader.IsDBNull(10) ? null : reader.GetString(10),
                    CreatedAt: ParseTimestamp(reader.GetString(11)),
                    StartedAt: reader.IsDBNull(12) ? null : ParseTimestamp(reader.GetString(12)),
                    FinishedAt: reader.IsDBNull(13) ? null : ParseTimestamp(reader.GetString(13)),
                    TellSequence: reader.IsDBNull(14) ? null : reader.GetInt64(14),
                    Artifacts: artifacts.TryGetValue(trialNumber, out var list) ? list.AsReadOnly() : Array.Empty<Artifact>(),
                    ToldBefore: reader.GetInt64(15))
                {
                    Parents = parents.TryGetValue(trialNumber, out var lineage) ? lineage.AsReadOnly() : [],
                });
            }
        }

        return trials;
    }

    /// <summary>The recorded parents by trial, in the order the strategy gave them.</summary>
    private static Dictionary<int, List<int>> LoadParents(SqliteTransaction tx, long experimentId, string trialFilter, (string, object?)[] parameters)
    {
        var parents = new Dictionary<int, List<int>>();
        using var query = Command(tx, $"SELECT trial_number, parent_number FROM trial_parents WHERE experiment_id = $experiment{trialFilter} ORDER BY trial_number, position", parameters);
        using var reader = query.ExecuteReader();
        while (reader.Read())
        {
            var trialNumber = reader.GetInt32(0);
            if (!parents.TryGetValue(trialNumber, out var list))
            {
                parents[trialNumber] = list = [];
            }

            list.Add(reader.GetInt32(1));
        }

        return parents;
    }

    private static InvalidOperationException NotInState(SqliteTransaction tx, long experimentId, int number, string expected)
    {
        var trial = LoadTrial(tx, experimentId, number);
        return new InvalidOperationException(trial is null
            ? $"Experiment {experimentId} has no trial {number}."
            : $"Trial {number} of experiment {experimentId} is {Text(trial.State)}, not {expected}.");
    }
}
