using NasPlatform.Abstractions;
using Microsoft.Data.Sqlite;

namespace NasPlatform.Engine.Storage;

/// <summary>Read-only opening, for readers that watch a store while a run writes it (reports, the dashboard).</summary>
public sealed partial class SqliteTrialStore
{
    /// <summary>
    /// Opens an existing store for reading only: no schema setup, no journal-mode switch, never a
    /// write lock, so a run writing the store (in WAL mode) is never blocked by the reader; every
    /// read sees one committed snapshot. Writes through the returned store fail.
    /// </summary>
    /// <exception cref="NasConfigurationException">The file does not exist, is not a NasPlatform store, or cannot be opened.</exception>
    public static SqliteTrialStore OpenReadOnly(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new NasConfigurationException($"Store '{full}' does not exist. Check the path, or start an experiment with `nas run FILE`, which creates it.");
        }

        return OpenForReading(full, readOnlyFiles: null);
    }

    // readOnlyFiles: the files that made a store read-only, named when a write is attempted; null
    // for a store opened read-only by choice, whose writes fail as SQLite reports them.
    private static SqliteTrialStore OpenForReading(string full, IReadOnlyList<(string Path, string Reason)>? readOnlyFiles)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            // Immutable (a URI parameter) reads without creating the -shm and -wal files that a
            // read-only WAL open would otherwise leave behind with the store's read-only mode.
            DataSource = StoreAccess.Frozen(full) ? StoreAccess.ImmutableUri(full) : full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 30000;");
            CheckMarker(connection, full);
            var shadowed = ShadowMissingTables(connection);
            return new SqliteTrialStore(full, connection, readOnlyFiles, readOnlyByChoice: readOnlyFiles is null) { _shadowsMissingTables = shadowed };
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteNotADatabase or SqliteCantOpen)
        {
            connection.Dispose();
            throw new NasConfigurationException($"Cannot read store '{full}': {e.Message}. Name a store written by `nas run` (.db).", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void CheckMarker(SqliteConnection connection, string path)
    {
        using var query = connection.CreateCommand();
        query.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{MarkerTableName}'";
        if (Convert.ToInt64(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw new NasConfigurationException($"'{path}' is not a NasPlatform store (it has no '{MarkerTableName}' table). Name a store written by `nas run` (.db).");
        }

        query.CommandText = $"SELECT value FROM {MarkerTableName} WHERE key = 'version'";
        var version = query.ExecuteScalar() as string;
        if (version != StoreSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new NasConfigurationException(
                $"Store '{path}' has schema version {version ?? "none"}; this NasPlatform reads version {StoreSchema.Version}. Use the NasPlatform version that wrote it.");
        }
    }

    /// <summary>
    /// A store written before a table was added (amendments, intermediate values, fronts, strategy events) and opened
    /// without writing (read-only files, or a reader by choice) cannot be given the table; an empty TEMP table of the
    /// same name (private to this connection, the store file untouched) makes every read of it find nothing, as it
    /// should. Every write through such a store is refused (it would land in the TEMP table and be lost).
    /// </summary>
    private static bool ShadowMissingTables(SqliteConnection connection)
    {
        var shadowed = false;
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT name FROM main.sqlite_master WHERE type = 'table'";
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var statement in (StoreSchema.Additions + StoreSchema.StrategyEvents).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var table = AddedTable().Match(statement);
            if (table.Success && !existing.Contains(table.Groups[1].Value))
            {
                // A temp table cannot reference the main database's tables; the references only guard writes anyway.
                Execute(connection, References().Replace(statement.Replace("CREATE TABLE IF NOT EXISTS", "CREATE TEMP TABLE", StringComparison.Ordinal), string.Empty) + ";");
                shadowed = true;
            }
        }

        return shadowed;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^CREATE TABLE IF NOT EXISTS (\w+)")]
    private static partial System.Text.RegularExpressions.Regex AddedTable();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+REFERENCES \w+\(\w+\)")]
    private static partial System.Text.RegularExpressions.Regex References();

    private static string MarkerTableName => StoreSchema.MarkerTable;
}
