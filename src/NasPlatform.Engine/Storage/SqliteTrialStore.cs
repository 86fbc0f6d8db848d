using NasPlatform.Abstractions;
using System.Globalization;
using Microsoft.Data.Sqlite;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Search;
using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Storage;

/// <summary>
/// The experiment store in one SQLite file (write-ahead log, so other processes such as
/// <c>nas status</c> can read while a run writes). One connection, guarded by a lock, serves all
/// threads; every write is one transaction, and WAL with synchronous=NORMAL keeps every committed
/// transaction across a killed process.
/// </summary>
public sealed partial class SqliteTrialStore : ITrialStore
{
    private const int SqliteReadOnly = 8;
    private const int SqliteConstraint = 19;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    private const string TrialColumns =
        "experiment_id, number, candidate_json, hash, fidelity, state, free_stats_json, metrics_json, feasible, error, worker, created_at, started_at, finished_at, tell_seq, told_before";

    private const string ExperimentColumns = "id, name, spec, seed, created_at, status, elapsed_seconds, base_directory";

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly IReadOnlyList<(string Path, string Reason)> _readOnlyFiles;
    private readonly bool _readOnlyByChoice;
    private bool _disposed;

    private SqliteTrialStore(string location, SqliteConnection connection, IReadOnlyList<(string Path, string Reason)>? readOnlyFiles = null, bool readOnlyByChoice = false)
    {
        Location = location;
        _connection = connection;
        _readOnlyFiles = readOnlyFiles ?? [];
        _readOnlyByChoice = readOnlyByChoice;
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <summary>
    /// Whether the store's files may not be written (chmod a-w, another user's store): it was opened
    /// for reading, and every write throws a <see cref="NasConfigurationException"/> that names the fix.
    /// </summary>
    public bool IsReadOnly => _readOnlyFiles.Count > 0;

    /// <summary>Throws when the store is read-only, before a command starts work that must write it.</summary>
    /// <exception cref="NasConfigurationException">The store is read-only; the message names its path and how to make it writable.</exception>
    public void RequireWritable()
    {
        if (IsReadOnly)
        {
            throw new NasConfigurationException(StoreAccess.ReadOnlyMessage(Location, _readOnlyFiles));
        }
    }

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating the file, its folder and the schema when missing.
    /// An existing store whose files may not be written opens read-only (<see cref="IsReadOnly"/>).
    /// </summary>
    /// <exception cref="NasConfigurationException">The file exists but is not a NasPlatform store, or cannot be opened.</exception>
    public static SqliteTrialStore Open(string path) => OpenCore(path, create: true);

    /// <summary>
    /// Opens an existing store, for commands that only read or continue (<c>nas status</c>, <c>nas resume</c>);
    /// read-only (<see cref="IsReadOnly"/>) when its files may not be written.
    /// </summary>
    /// <exception cref="NasConfigurationException">The file does not exist, is not a NasPlatform store, or cannot be opened.</exception>
    public static SqliteTrialStore OpenExisting(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new NasConfigurationException($"Store '{full}' does not exist. Check the path, or start an experiment with `nas run FILE`, which creates it.");
        }

        return OpenCore(full, create: false);
    }

    /// <inheritdoc />
    public ExperimentRecord CreateExperiment(string name, string specDocument, int seed, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(specDocument);
        try
        {
            return Write(tx =>
            {
                using var insert = Command(tx, $"""
                    INSERT INTO experiments (name, spec, seed, created_at, status, elapsed_seconds, base_directory)
                    VALUES ($name, $spec, $seed, $now, $status, 0, $base)
                    RETURNING {ExperimentColumns}
                    """,
                    ("$name", name), ("$spec", specDocument), ("$seed", seed), ("$now", Timestamp(DateTimeOffset.UtcNow)), ("$status", Text(ExperimentStatus.Running)), ("$base", baseDirectory));
                using var reader = insert.ExecuteReader();
                reader.Read();
                return ReadExperiment(reader);
            });
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            throw new NasConfigurationException(
                $"Store '{Location}' already holds an experiment named '{name}'. Continue it with `nas resume {ShellWords.Quote(Location)} --experiment {ShellWords.Quote(name)}`, or give the new experiment another name.", e);
        }
    }

    /// <inheritdoc />
    public ExperimentRecord? FindExperiment(string name) =>
        Read(tx =>
        {
            using var query = Command(tx, $"SELECT {ExperimentColumns} FROM experiments WHERE name = $name", ("$name", name));
            using var reader = query.ExecuteReader();
            return reader.Read() ? ReadExperiment(reader) : null;
        });

    /// <inheritdoc />
    public ExperimentRecord GetExperiment(long experimentId) =>
        Read(tx =>
        {
            using var query = Command(tx, $"SELECT {ExperimentColumns} FROM experiments WHERE id = $id", ("$id", experimentId));
            using var reader = query.ExecuteReader();
            return reader.Read() ? ReadExperiment(reader) : throw new KeyNotFoundException($"Store '{Location}' has no experiment with id {experimentId}.");
        });

    /// <inheritdoc />
    public IReadOnlyList<ExperimentRecord> ListExperiments() =>
        Read(tx =>
        {
            using var query = Command(tx, $"SELECT {ExperimentColumns} FROM experiments ORDER BY id");
            using var reader = query.ExecuteReader();
            var experiments = new List<ExperimentRecord>();
            while (reader.Read())
            {
                experiments.Add(ReadExperiment(reader));
            }

            return experiments;
        });

    /// <inheritdoc />
    public TrialRecord AddTrial(long experimentId, int number, Candidate candidate, string fidelity, IReadOnlyDictionary<string, double> freeStatistics, long toldBefore = 0)
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
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(artifacts);
        if (state is not (TrialState.Completed or TrialState.Failed or TrialState.Pruned))
        {
            throw new ArgumentException($"A trial finishes as completed, failed or pruned, not {state}.", nameof(state));
        }

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

    /// <inheritdoc />
    public void AddElapsed(long experimentId, double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "Elapsed seconds must be finite and non-negative.");
        }

        UpdateExperiment(experimentId, "elapsed_seconds = elapsed_seconds + $value", seconds);
    }

    /// <inheritdoc />
    public void SetStatus(long experimentId, ExperimentStatus status) =>
        UpdateExperiment(experimentId, "status = $value", Text(status));

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

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _connection.Dispose();
            }
        }
    }

    private static SqliteTrialStore OpenCore(string path, bool create)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new NasConfigurationException($"Store '{full}' is a directory; the store is a file, e.g. '{Path.Combine(full, "experiments.db")}'.");
        }

        if (File.Exists(full) && StoreAccess.ReadOnlyFiles(full) is { Count: > 0 } readOnlyFiles)
        {
            return OpenForReading(full, readOnlyFiles);
        }

        if (create)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            // One long-lived connection per store object; pooling would keep the file open after Dispose.
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 30000;");
            EnsureSchema(connection, full);
            // Only now, with the file known to be ours, switch it to write-ahead logging.
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            return new SqliteTrialStore(full, connection);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteNotADatabase)
        {
            connection.Dispose();
            throw new NasConfigurationException(
                $"'{full}' is not a NasPlatform store: it is not an SQLite database. Point the experiment's \"store\" at a new file or at an existing store.", e);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteCantOpen)
        {
            connection.Dispose();
            throw new NasConfigurationException($"Cannot open store '{full}': {e.Message}. Check that the folder exists and is writable.", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void EnsureSchema(SqliteConnection connection, string path)
    {
        // An immediate transaction, so two processes creating the same new store do not both create it.
        using var tx = connection.BeginTransaction();
        var tables = new List<string>();
        using (var query = Command(tx, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count == 0)
        {
            Execute(tx, StoreSchema.Create);
            tx.Commit();
            return;
        }

        if (!tables.Contains(StoreSchema.MarkerTable))
        {
            throw new NasConfigurationException(
                $"'{path}' is an SQLite database but not a NasPlatform store (it has the tables {string.Join(", ", tables)} and no '{StoreSchema.MarkerTable}'). Point the experiment's \"store\" at a new file or at an existing store.");
        }

        var marker = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var query = Command(tx, $"SELECT key, value FROM {StoreSchema.MarkerTable}"))
        using (var reader = query.ExecuteReader())
        {
            while (reader.Read())
            {
                marker[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (!marker.TryGetValue("format", out var format) || format != StoreSchema.Format
            || !marker.TryGetValue("version", out var versionText) || !int.TryParse(versionText, CultureInfo.InvariantCulture, out var version))
        {
            throw new NasConfigurationException($"'{path}' has a '{StoreSchema.MarkerTable}' table but not a NasPlatform store's format marker. Point the experiment's \"store\" at a new file.");
        }

        if (version != StoreSchema.Version)
        {
            throw new NasConfigurationException(
                $"Store '{path}' has schema version {version}; this NasPlatform reads version {StoreSchema.Version}. "
                + (version > StoreSchema.Version ? "Use the newer NasPlatform that wrote it." : "Use the NasPlatform version that wrote it."));
        }

        Execute(tx, StoreSchema.Additions);
        Execute(tx, StoreSchema.StrategyEvents);
        if (!HasArtifactHashColumn(tx))
        {
            Execute(tx, StoreSchema.AddArtifactHash);
        }

        tx.Commit();
    }

    private T Write<T>(Func<SqliteTransaction, T> body)
    {
        RequireWritable();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                using var tx = _connection.BeginTransaction();
                var result = body(tx);
                tx.Commit();
                return result;
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteReadOnly && !_readOnlyByChoice)
            {
                // What the mode check cannot see: a read-only mount, a folder that forbids the -wal file.
                throw new NasConfigurationException(
                    $"Store '{Location}' cannot be written ({e.Message}). Make it and its folder writable (chmod u+w {ShellWords.Quote(Location)} {ShellWords.Quote(Path.GetDirectoryName(Location)!)}), or copy it somewhere writable and use the copy.", e);
            }
        }
    }

    private T Read<T>(Func<SqliteTransaction, T> body)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            // A deferred transaction reads one consistent snapshot (trials and their artifacts together).
            using var tx = _connection.BeginTransaction(deferred: true);
            return body(tx);
        }
    }

    private void UpdateExperiment(long experimentId, string assignment, object value) =>
        Write(tx =>
        {
            using var update = Command(tx, $"UPDATE experiments SET {assignment} WHERE id = $id", ("$value", value), ("$id", experimentId));
            return update.ExecuteNonQuery() == 1 ? 0 : throw new KeyNotFoundException($"Store '{Location}' has no experiment with id {experimentId}.");
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
                    ToldBefore: reader.GetInt64(15)));
            }
        }

        return trials;
    }

    private static InvalidOperationException NotInState(SqliteTransaction tx, long experimentId, int number, string expected)
    {
        var trial = LoadTrial(tx, experimentId, number);
        return new InvalidOperationException(trial is null
            ? $"Experiment {experimentId} has no trial {number}."
            : $"Trial {number} of experiment {experimentId} is {Text(trial.State)}, not {expected}.");
    }

    private static ExperimentRecord ReadExperiment(SqliteDataReader reader) => new(
        Id: reader.GetInt64(0),
        Name: reader.GetString(1),
        SpecDocument: reader.GetString(2),
        Seed: reader.GetInt32(3),
        CreatedAt: ParseTimestamp(reader.GetString(4)),
        Status: Enum.Parse<ExperimentStatus>(reader.GetString(5), ignoreCase: true),
        ElapsedSeconds: reader.GetDouble(6),
        BaseDirectory: reader.GetString(7));

    private static SqliteCommand Command(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = tx.Connection!.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Execute(SqliteTransaction tx, string sql)
    {
        using var command = Command(tx, sql);
        command.ExecuteNonQuery();
    }

    private static string Text(Enum value) => value.ToString().ToLowerInvariant();

    private static string Timestamp(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTimestamp(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
