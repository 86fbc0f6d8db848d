using System.Security.Cryptography;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// A configuration mistake leaves nothing on disk: `nas run` used to create the (empty) store file before it resolved
/// the components, so a misspelt metric or option left a store, and could touch one holding other experiments.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConfigurationMistakeTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-mistake-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "\"objectives\": [ { \"metric\": \"scroe\", \"direction\": \"maximize\" } ]", "\"target\": \"3141\"", "random", "did you mean 'score'?" },
        { "\"objectives\": [ { \"metric\": \"score\", \"direction\": \"maximize\" } ], \"constraints\": [\"summ <= 30\"]", "\"target\": \"3141\"", "random", "did you mean 'sum'?" },
        { "\"objectives\": [ { \"metric\": \"score\", \"direction\": \"maximize\" } ]", "\"targte\": \"3141\"", "random", "$.evaluator.options" },
        { "\"objectives\": [ { \"metric\": \"score\", \"direction\": \"maximize\" } ]", "\"target\": \"3141\"", "hill-clmb", "unknown strategy 'hill-clmb'" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_a_file_for_a_new_store_creates_no_store_no_artifacts_folder_and_no_lock(string objectives, string evaluatorOptions, string strategy, string expected)
    {
        var file = Write("typo", "new.db", objectives, evaluatorOptions, strategy);

        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(["typo.json"], Directory.EnumerateFileSystemEntries(_work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_a_file_for_an_existing_store_leaves_the_store_and_its_folders_byte_for_byte(string objectives, string evaluatorOptions, string strategy, string expected)
    {
        var good = Write("good", "shared.db", "\"objectives\": [ { \"metric\": \"score\", \"direction\": \"maximize\" } ]", "\"target\": \"3141\"", "random");
        var first = CliRunner.Run("run", good, "--plugins", RepoPaths.Plugins);
        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        var before = Snapshot();
        var file = Write("typo", "shared.db", objectives, evaluatorOptions, strategy);

        var run = CliRunner.Run("run", file, "--plugins", RepoPaths.Plugins);
        var resume = CliRunner.Run("resume", file, "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, resume.ExitCode); // the store holds no experiment 'typo'
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_bad_command_line_option_creates_nothing()
    {
        var file = Write("typo", "new.db", "\"objectives\": [ { \"metric\": \"score\", \"direction\": \"maximize\" } ]", "\"target\": \"3141\"", "random");

        var run = CliRunner.Run("run", file, "--workers", "0", "--plugins", RepoPaths.Plugins);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("\"workers\" must be at least 1", run.Error, StringComparison.Ordinal);
        Assert.Equal(["typo.json"], Directory.EnumerateFileSystemEntries(_work).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>Every file under the folder but the experiment files, with its SHA-256: the store, its artifacts, its lock.</summary>
    private SortedDictionary<string, string> Snapshot() => new(
        Directory.EnumerateFiles(_work, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) || f.Contains(".artifacts", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(_work, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    private string Write(string name, string store, string objectives, string evaluatorOptions, string strategy)
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 4 } },
              "evaluator": { "name": "target", "options": { {{evaluatorOptions}} } },
              {{objectives}},
              "strategy": { "name": "{{strategy}}" },
              "budget": { "trials": 4 },
              "workers": 1,
              "seed": 3,
              "store": "{{store}}"
            }
            """);
        return path;
    }
}
