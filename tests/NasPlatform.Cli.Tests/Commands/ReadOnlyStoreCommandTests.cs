using System.Runtime.Versioning;
using NasPlatform.Cli.Infrastructure;
using NasPlatform.Engine.Experiments;
using NasPlatform.Engine.Running;
using NasPlatform.Engine.Storage;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// `nas run` and `nas resume` against a store they may not write, or an experiment another process
/// runs: what only reads works, what must write is bad input naming the store and the fix. The store
/// is made read-only with chmod a-w, which the store honours for root too (tests run as root in CI).
/// </summary>
[Collection(ConsoleCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class ReadOnlyStoreCommandTests : IDisposable
{
    private const UnixFileMode ReadOnlyMode = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly string _work = Directory.CreateTempSubdirectory("nas-readonly-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    private string Store => Path.Combine(_work, "ro.db");

    [Fact]
    public void A_finished_experiment_in_a_read_only_store_is_shown_by_run_resume_status_and_export()
    {
        var file = WriteExperiment("ro", trials: 4);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        File.SetUnixFileMode(Store, ReadOnlyMode);
        var before = File.ReadAllBytes(Store);

        var resume = CliRunner.Run("resume", file, "--plugins", RepoPaths.Plugins);
        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        var status = CliRunner.Run("status", file, "--json");
        var export = CliRunner.Run("export", Store, "--format", "csv");

        Assert.True(resume.ExitCode == ExitCodes.Success, resume.Error);
        Assert.Contains($"already ran to its budget in {Store}, which is read-only", resume.Out);
        Assert.Contains("experiment 'ro' completed: 4 completed", resume.Out);
        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Contains("experiment 'ro' completed: 4 completed", run.Out);
        Assert.Equal(ExitCodes.Success, status.ExitCode);
        Assert.Equal(5, export.Out.TrimEnd().Split('\n').Length);
        Assert.Equal(before, File.ReadAllBytes(Store));
        Assert.False(File.Exists(Store + "-shm"), "reading must leave no read-only -shm behind");
    }

    [Fact]
    public void Starting_a_new_experiment_in_a_read_only_store_exits_2_naming_the_store_and_the_fix()
    {
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", WriteExperiment("ro", trials: 2), "--plugins", RepoPaths.Plugins).ExitCode);
        File.SetUnixFileMode(Store, ReadOnlyMode);

        var run = CliRunner.Run("run", WriteExperiment("second", trials: 2), "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.StartsWith($"Store '{Store}' is read-only (its file has mode 0444, which lets nobody write it), but this command must write to it. Make it writable: chmod u+w {Store}, or copy it", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_work, "second-artifacts")));
    }

    [Fact]
    public void Resuming_an_unfinished_experiment_in_a_read_only_store_exits_2_naming_the_store_and_the_fix()
    {
        var file = WriteExperiment("ro", trials: 2);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        using (var store = SqliteTrialStore.Open(Store))
        {
            store.SetStatus(store.FindExperiment("ro")!.Id, ExperimentStatus.Interrupted);
        }

        File.SetUnixFileMode(Store, ReadOnlyMode);

        var resume = CliRunner.Run("resume", file, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, resume.ExitCode);
        Assert.Contains($"Store '{Store}' is read-only", resume.Error);
        Assert.Contains($"chmod u+w {Store}", resume.Error);
    }

    [Fact]
    public void Running_an_experiment_another_process_holds_names_that_process_and_then_a_resume_that_works()
    {
        var file = WriteExperiment("ro", trials: 2);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins).ExitCode);
        using (var store = SqliteTrialStore.Open(Store))
        {
            store.SetStatus(store.FindExperiment("ro")!.Id, ExperimentStatus.Running);
        }

        var spec = ExperimentFile.Load(file);
        (int ExitCode, string Out, string Error) held;
        using (ExperimentLock.Acquire(ExperimentFolders.Lock(spec.StorePath, spec.Name), spec))
        {
            held = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        }

        var left = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, held.ExitCode);
        Assert.Contains($"is being run by another process (pid {Environment.ProcessId} on {Environment.MachineName})", held.Error);
        Assert.DoesNotContain("Continue it", held.Error);
        Assert.Equal(ExitCodes.BadInput, left.ExitCode);
        Assert.Contains($"Continue it with `nas resume {file}`", left.Error);
        Assert.True(CliRunner.Run("resume", file, "--plugins", RepoPaths.Plugins).ExitCode == ExitCodes.Success);
    }

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
              "budget": { "trials": {{trials}} },
              "store": "ro.db",
              "seed": 3
            }
            """);
        return path;
    }
}
