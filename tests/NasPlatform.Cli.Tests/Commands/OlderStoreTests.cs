using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// A store written by an older NasPlatform lacks the tables added since (amendments, intermediate values, fronts,
/// fidelities, strategy events) and the artifacts' SHA-256 column. Opened for writing it gains them; opened without
/// writing (read-only files, or a reader by choice) every read treats a missing table as empty, and every write exits 2
/// naming the store and the fix. Before, `nas status` on such a read-only store failed with "no such table".
/// </summary>
[Collection(ConsoleCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class OlderStoreTests : IDisposable
{
    private const UnixFileMode ReadOnlyMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly string[] NewerTables = ["amendments", "intermediate_values", "front_history", "fidelities", "strategy_events"];

    private readonly string _work = Directory.CreateTempSubdirectory("nas-older-store-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Store => Path.Combine(_work, "old.db");

    [Fact]
    public void A_read_only_store_of_an_older_version_is_read_by_status_export_run_and_resume_and_a_write_exits_2()
    {
        var file = Write(trials: 4);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        MakeOlder(Store);
        File.SetUnixFileMode(Store, ReadOnlyMode);
        var before = File.ReadAllBytes(Store);

        var status = CliRunner.Run("status", file, "--json");
        var verify = CliRunner.Run("status", Store, "--verify", "--json");
        var export = CliRunner.Run("export", Store, "--format", "csv");
        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        var resume = CliRunner.Run("resume", file, "--plugins", RepoPaths.Plugins);
        Write(trials: 6);
        var larger = CliRunner.Run("resume", file, "--plugins", RepoPaths.Plugins);

        Assert.True(status.ExitCode == ExitCodes.Success, status.Error);
        var json = JObject.Parse(status.Out);
        Assert.Equal(4, ((JArray)json["trials"]!).Count);
        Assert.Empty((JArray)json["amendments"]!);
        Assert.True(verify.ExitCode == ExitCodes.Success, verify.Error + verify.Out);
        Assert.Equal(5, export.Out.TrimEnd().Split('\n').Length);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("experiment 'old' completed: 4 completed", run.Out, StringComparison.Ordinal);
        Assert.True(resume.ExitCode == ExitCodes.Success, resume.Error);
        // A larger budget must be recorded as an amendment: a write, refused with the store's path and the fix.
        Assert.Equal(ExitCodes.BadInput, larger.ExitCode);
        Assert.Contains($"Store '{Store}' is read-only", larger.Error, StringComparison.Ordinal);
        Assert.Contains($"chmod u+w {Store}", larger.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Store));
        Assert.Equal(NewerTables.Length, MissingTables(Store));
    }

    [Fact]
    public void A_reader_by_choice_sees_the_missing_tables_as_empty_refuses_writes_and_a_writer_adds_them()
    {
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", Write(trials: 3), "--plugins", RepoPaths.Plugins).ExitCode);
        MakeOlder(Store);
        var before = File.ReadAllBytes(Store);

        using (var reader = SqliteTrialStore.OpenReadOnly(Store))
        {
            var id = reader.FindExperiment("old")!.Id;
            Assert.Equal(3, reader.GetTrials(id).Count);
            Assert.Empty(reader.GetAmendments(id));
            Assert.Empty(reader.GetIntermediateValues(id));
            Assert.Empty(reader.GetFidelities(id));
            Assert.Empty(reader.GetFrontHistory(id));
            Assert.Empty(reader.GetStrategyEvents(id));
            var write = Assert.Throws<NasConfigurationException>(() => reader.SetStatus(id, ExperimentStatus.Interrupted));
            Assert.Contains($"Store '{Store}' was written by an older NasPlatform", write.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllBytes(Store));
        using (SqliteTrialStore.Open(Store))
        {
        }

        Assert.Equal(0, MissingTables(Store));
    }

    /// <summary>What an older version wrote: the same data without the tables and the column added since.</summary>
    private static void MakeOlder(string store)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = string.Concat(NewerTables.Select(t => $"DROP TABLE {t};")) + "ALTER TABLE artifacts DROP COLUMN sha256;";
        command.ExecuteNonQuery();
    }

    private static int MissingTables(string store)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({string.Join(", ", NewerTables.Select(t => $"'{t}'"))})";
        return NewerTables.Length - Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private string Write(int trials)
    {
        var path = Path.Combine(_work, "old.json");
        File.WriteAllText(path, $$"""
            {
              "name": "old",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 4 } },
              "evaluator": { "name": "target", "options": { "target": "3141" } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": { "name": "random" },
              "budget": { "trials": {{trials}} },
              "seed": 3,
              "store": "old.db"
            }
            """);
        return path;
    }
}
