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

    // Set when an older store was opened for reading with empty TEMP tables standing in for those it lacks.
    private bool _shadowsMissingTables;

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
        if (_shadowsMissingTables)
        {
            throw new NasConfigurationException(
                $"Store '{Location}' was written by an older NasPlatform and opened for reading only, so it cannot be written here. Open it with a command that writes (`nas resume`), which adds the newer tables, after making it writable (chmod u+w {ShellWords.Quote(Location)}).");
        }

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
