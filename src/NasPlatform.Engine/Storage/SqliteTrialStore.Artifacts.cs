namespace NasPlatform.Engine.Storage;

/// <summary>The artifacts table with the hashes recorded for verification (<see cref="ArtifactVerification"/>).</summary>
public sealed partial class SqliteTrialStore
{
    /// <summary>
    /// Every artifact recorded for the experiment's trials, by trial and then in the order recorded,
    /// with the SHA-256 recorded when its trial finished. A store written before hashes were recorded,
    /// opened read-only (so not given the column), reads with null hashes.
    /// </summary>
    public IReadOnlyList<StoredArtifact> GetStoredArtifacts(long experimentId) =>
        Read(tx =>
        {
            var hash = HasArtifactHashColumn(tx) ? StoreSchema.ArtifactHashColumn : "NULL";
            using var query = Command(tx, $"""
                SELECT trial_number, name, path, {hash} FROM artifacts WHERE experiment_id = $experiment ORDER BY trial_number, rowid
                """,
                ("$experiment", experimentId));
            using var reader = query.ExecuteReader();
            var artifacts = new List<StoredArtifact>();
            while (reader.Read())
            {
                artifacts.Add(new StoredArtifact(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
            }

            return artifacts;
        });

    private static bool HasArtifactHashColumn(Microsoft.Data.Sqlite.SqliteTransaction tx)
    {
        using var query = Command(tx, "SELECT count(*) FROM pragma_table_info('artifacts') WHERE name = $column", ("$column", StoreSchema.ArtifactHashColumn));
        return Convert.ToInt64(query.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
