namespace NasPlatform.Engine.Storage;

/// <summary>The SQLite schema of a NasPlatform store and the marker that identifies one.</summary>
internal static class StoreSchema
{
    /// <summary>Value of the 'format' key in <c>nas_store</c>: what makes a file a NasPlatform store.</summary>
    public const string Format = "NasPlatform experiment store";

    /// <summary>Bumped when the schema changes; a store with a higher version is refused.</summary>
    public const int Version = 1;

    public const string MarkerTable = "nas_store";

    /// <summary>
    /// Tables added after version 1 without changing it: created with every new store, and on
    /// opening a version-1 store that lacks them (they only add information, so older readers
    /// are unaffected).
    /// </summary>
    public const string Additions = """
        CREATE TABLE IF NOT EXISTS fidelities (
            experiment_id INTEGER NOT NULL REFERENCES experiments(id),
            position      INTEGER NOT NULL,
            name          TEXT NOT NULL,
            cost          REAL NOT NULL,
            settings_json TEXT NOT NULL DEFAULT '{}',
            PRIMARY KEY (experiment_id, position)
        );
        CREATE TABLE IF NOT EXISTS front_history (
            experiment_id  INTEGER NOT NULL REFERENCES experiments(id),
            tell_seq       INTEGER NOT NULL,
            trial_number   INTEGER NOT NULL,
            front_size     INTEGER NOT NULL,
            hypervolume    REAL NOT NULL,
            reference_json TEXT NOT NULL,
            derived        INTEGER NOT NULL,
            PRIMARY KEY (experiment_id, tell_seq)
        );
        CREATE TABLE IF NOT EXISTS amendments (
            experiment_id INTEGER NOT NULL REFERENCES experiments(id),
            sequence      INTEGER NOT NULL,
            created_at    TEXT NOT NULL,
            changes_json  TEXT NOT NULL,
            PRIMARY KEY (experiment_id, sequence)
        );
        CREATE TABLE IF NOT EXISTS intermediate_values (
            experiment_id INTEGER NOT NULL REFERENCES experiments(id),
            trial_number  INTEGER NOT NULL,
            step          INTEGER NOT NULL,
            metrics_json  TEXT NOT NULL,
            recorded_at   TEXT NOT NULL,
            PRIMARY KEY (experiment_id, trial_number, step)
        );
        CREATE TABLE IF NOT EXISTS trial_parents (
            experiment_id INTEGER NOT NULL REFERENCES experiments(id),
            trial_number  INTEGER NOT NULL,
            position      INTEGER NOT NULL,
            parent_number INTEGER NOT NULL,
            PRIMARY KEY (experiment_id, trial_number, position)
        );
        """;

    /// <summary>
    /// Events strategies report (predictor quality at each refit, ...). IF NOT EXISTS, because the
    /// same statement also adds the table to stores written before it existed.
    /// </summary>
    public const string StrategyEvents = """
        CREATE TABLE IF NOT EXISTS strategy_events (
            experiment_id INTEGER NOT NULL REFERENCES experiments(id),
            sequence      INTEGER NOT NULL,
            kind          TEXT NOT NULL,
            summary       TEXT NOT NULL,
            values_json   TEXT NOT NULL,
            trials_told   INTEGER NOT NULL,
            created_at    TEXT NOT NULL,
            PRIMARY KEY (experiment_id, sequence)
        );
        """;

    /// <summary>
    /// Column added to <c>artifacts</c> after version 1: the SHA-256 (lowercase hex) of the file when
    /// its trial was recorded; null for a folder, or a file this machine could not read then. SQLite has
    /// no ADD COLUMN IF NOT EXISTS, so opening an older store checks <c>PRAGMA table_info</c> first.
    /// </summary>
    public const string ArtifactHashColumn = "sha256";

    /// <summary>Adds <see cref="ArtifactHashColumn"/> to a store written before it existed; nullable, so old rows stay valid.</summary>
    public const string AddArtifactHash = $"ALTER TABLE artifacts ADD COLUMN {ArtifactHashColumn} TEXT;";

    public static readonly string Create = $$"""
        CREATE TABLE {{MarkerTable}} (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE experiments (
            id              INTEGER PRIMARY KEY,
            name            TEXT NOT NULL UNIQUE,
            spec            TEXT NOT NULL,
            base_directory  TEXT NOT NULL,
            seed            INTEGER NOT NULL,
            created_at      TEXT NOT NULL,
            status          TEXT NOT NULL,
            elapsed_seconds REAL NOT NULL DEFAULT 0
        );
        CREATE TABLE trials (
            experiment_id   INTEGER NOT NULL REFERENCES experiments(id),
            number          INTEGER NOT NULL,
            candidate_json  TEXT NOT NULL,
            hash            TEXT NOT NULL,
            fidelity        TEXT NOT NULL,
            state           TEXT NOT NULL,
            free_stats_json TEXT NOT NULL,
            metrics_json    TEXT NOT NULL DEFAULT '{}',
            feasible        INTEGER NOT NULL DEFAULT 1,
            error           TEXT,
            worker          TEXT,
            created_at      TEXT NOT NULL,
            started_at      TEXT,
            finished_at     TEXT,
            tell_seq        INTEGER,
            told_before     INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (experiment_id, number),
            UNIQUE (experiment_id, hash, fidelity)
        );
        CREATE TABLE artifacts (
            experiment_id INTEGER NOT NULL,
            trial_number  INTEGER NOT NULL,
            name          TEXT NOT NULL,
            path          TEXT NOT NULL,
            sha256        TEXT,
            FOREIGN KEY (experiment_id, trial_number) REFERENCES trials(experiment_id, number)
        );
        CREATE INDEX artifacts_by_trial ON artifacts(experiment_id, trial_number);
        {{Additions}}
        {{StrategyEvents}}
        INSERT INTO {{MarkerTable}} (key, value) VALUES ('format', '{{Format}}'), ('version', '{{Version}}');
        """;
}
