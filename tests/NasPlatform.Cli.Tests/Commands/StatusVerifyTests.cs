using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>`nas status EXP --verify`: artifacts checked against the SHA-256 recorded with their trials.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class StatusVerifyTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-verify-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    [Fact]
    public void Verify_exits_0_while_every_hashed_artifact_is_intact_and_1_once_one_is_changed_or_missing()
    {
        var file = WriteExperiment("verify", trials: 3);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        var model = WriteFile("model.bin", "weights");
        var log = WriteFile("train.log", "epoch 1");
        // The table lookup evaluator writes no artifacts, so these rows stand for what an evaluator
        // that does would leave; the hashing itself is covered by the engine's tests.
        AddArtifact(0, "model", model, Sha256(model));
        AddArtifact(1, "log", log, Sha256(log));
        AddArtifact(2, "remote", "/nonexistent/worker/model.bin", null);

        // A child process: the status table goes through Spectre's console, which CliRunner does not capture.
        var intact = NasProcess.Run(TimeSpan.FromMinutes(2), "status", file, "--verify");
        Assert.True(intact.ExitCode == ExitCodes.Success, intact.Out + intact.Error);
        Assert.Contains("verified 3 artifacts: 2 ok, 0 missing, 0 changed, 1 unverified", intact.Out, StringComparison.Ordinal);
        Assert.Contains("unverified: trial 2 artifact 'remote'", intact.Out, StringComparison.Ordinal);

        File.AppendAllText(model, " tampered");
        File.Delete(log);
        var broken = NasProcess.Run(TimeSpan.FromMinutes(2), "status", file, "--verify");
        Assert.Equal(ExitCodes.Failure, broken.ExitCode);
        Assert.Contains($"changed: trial 0 artifact 'model' ({model})", broken.Out, StringComparison.Ordinal);
        Assert.Contains($"missing: trial 1 artifact 'log' ({log})", broken.Out, StringComparison.Ordinal);
        Assert.Contains("verified 3 artifacts: 0 ok, 1 missing, 1 changed, 1 unverified", broken.Out, StringComparison.Ordinal);

        var json = CliRunner.Run("status", file, "--verify", "--json");
        Assert.Equal(ExitCodes.Failure, json.ExitCode);
        var verify = (JObject)JObject.Parse(json.Out)["verify"]!;
        Assert.False((bool)verify["passed"]!);
        Assert.Equal((3, 0, 1, 1, 1), ((int)verify["total"]!, (int)verify["ok"]!, (int)verify["missing"]!, (int)verify["changed"]!, (int)verify["unverified"]!));
        Assert.Equal(["changed", "missing", "unverified"], verify["problems"]!.Select(p => (string)p["problem"]!));
    }

    [Fact]
    public void Status_without_verify_neither_checks_artifacts_nor_fails_on_them()
    {
        var file = WriteExperiment("plain", trials: 2);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        AddArtifact(0, "gone", Path.Combine(_work, "gone.bin"), new string('0', 64));

        var status = CliRunner.Run("status", file, "--json");

        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Null(JObject.Parse(status.Out)["verify"]);
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, content);
        return path;
    }

    private void AddArtifact(int trial, string name, string path, string? sha256)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_work, "verify-store.db"), Pooling = false }.ToString());
        connection.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO artifacts (experiment_id, trial_number, name, path, sha256) SELECT id, $trial, $name, $path, $sha FROM experiments";
        insert.Parameters.AddWithValue("$trial", trial);
        insert.Parameters.AddWithValue("$name", name);
        insert.Parameters.AddWithValue("$path", path);
        insert.Parameters.AddWithValue("$sha", (object?)sha256 ?? DBNull.Value);
        Assert.Equal(1, insert.ExecuteNonQuery());
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private string WriteExperiment(string name, int trials)
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "tabular",
              "searchSpace": { "name": "nas-bench-201" },
              "evaluator": { "name": "lookup", "options": { "table": "{{Table.Replace("\\", "\\\\")}}" } },
              "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
              "strategy": { "name": "regularized-evolution", "options": { "populationSize": 5, "sampleSize": 3 } },
              "budget": { "trials": {{trials}} },
              "seed": 3,
              "store": "verify-store.db"
            }
            """);
        return path;
    }
}
