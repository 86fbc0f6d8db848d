using Newtonsoft.Json.Linq;
using NasPlatform.Cli.Infrastructure;

namespace NasPlatform.Cli.Tests.Commands;

/// <summary>
/// What a plugin contributes through the registry besides spaces and evaluators: HelloPlugin's `nas hello sample`
/// command (parsed, checked and documented by the host) and its "hill-climb" strategy (offered to experiments).
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PluginContributionsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("nas-contrib-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static (int ExitCode, string Out, string Error) Nas(params string[] args) => CliRunner.Run([.. args, "--plugins", RepoPaths.Plugins]);

    [Fact]
    public void A_plugin_command_runs_with_its_options_and_the_same_seed_gives_the_same_output()
    {
        var first = Nas("hello", "sample", "--count", "3", "--seed", "7", "--length", "5");
        var second = Nas("hello", "sample", "--count=3", "--seed", "7", "--length", "5");

        Assert.True(first.ExitCode == ExitCodes.Success, first.Error);
        var lines = first.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Equal(5, JObject.Parse(l[..l.IndexOf("  (", StringComparison.Ordinal)])["digits"]!.Count()));
        Assert.Equal(first.Out, second.Out);
    }

    [Fact]
    public void Typos_in_a_plugin_command_get_the_nearest_name_and_exit_code_2()
    {
        var option = Nas("hello", "sample", "--cont", "2");
        var command = Nas("hello", "smaple");
        var value = Nas("hello", "sample", "--count");
        var extra = Nas("hello", "sample", "stray");
        var bad = Nas("hello", "sample", "--length", "40");

        Assert.Equal(ExitCodes.BadInput, option.ExitCode);
        Assert.Equal("Error: unknown option '--cont' for 'nas hello sample'; did you mean --count?", option.Error.Trim());
        Assert.Equal(ExitCodes.BadInput, command.ExitCode);
        Assert.Equal("Error: unknown command 'smaple' for 'nas hello'; did you mean sample?", command.Error.Trim());
        Assert.Equal(ExitCodes.BadInput, value.ExitCode);
        Assert.Contains("--count needs a value: --count <N>", value.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, extra.ExitCode);
        Assert.Contains("Unexpected argument 'stray'", extra.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, bad.ExitCode);
        Assert.Contains("--length 40: give 1 to 12 digits.", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unexpected_failure_inside_a_plugin_command_is_reported_with_exit_code_1_not_a_crash()
    {
        // The console's output fails as a full disk makes it fail (what `nas hello sample > /dev/full` does); the
        // command does not expect it, so the host must report it as it reports any unexpected error.
        var previousOut = Console.Out;
        var previousError = Console.Error;
        using var error = new StringWriter();
        Console.SetOut(new FullDiskWriter());
        Console.SetError(error);
        int code;
        try
        {
            code = Program.Main(["hello", "sample", "--count", "2", "--plugins", RepoPaths.Plugins]);
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("nas: failed with IOException: No space left on device", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_EDA_plugins_dataset_command_is_reached_through_the_host_with_typos_caught()
    {
        var command = Nas("eda", "datset", "data");
        var option = Nas("eda", "dataset", "data", "--paralel", "2");

        Assert.Equal(ExitCodes.BadInput, command.ExitCode);
        Assert.Equal("Error: unknown command 'datset' for 'nas eda'; did you mean dataset?", command.Error.Trim());
        Assert.Equal(ExitCodes.BadInput, option.ExitCode);
        Assert.Equal("Error: unknown option '--paralel' for 'nas eda dataset'; did you mean --parallel (or -j)?", option.Error.Trim());
    }

    [Fact]
    public void The_host_prints_a_plugin_commands_help_from_its_declaration()
    {
        var help = Nas("hello", "sample", "--help");
        var group = Nas("hello");

        Assert.Equal(ExitCodes.Success, help.ExitCode);
        Assert.Contains("nas hello sample [OPTIONS]", help.Out, StringComparison.Ordinal);
        Assert.Contains("--count <N>", help.Out, StringComparison.Ordinal);
        Assert.Contains("Contributed by plugin 'hello'.", help.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.BadInput, group.ExitCode);
        Assert.Contains("sample", group.Out, StringComparison.Ordinal);
        Assert.Contains("`nas hello bench candidates EXP` is `nas bench candidates EXP`", group.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_command_named_under_a_plugins_group_runs_as_the_hosts_own()
    {
        var scoped = Nas("hello", "status", Path.Combine(_work, "missing.json"));
        var host = Nas("status", Path.Combine(_work, "missing.json"));

        Assert.Equal(ExitCodes.BadInput, scoped.ExitCode);
        Assert.Equal(host.Error, scoped.Error);
        Assert.Contains("missing.json", scoped.Error, StringComparison.Ordinal);
        var typo = Nas("hello", "staus", Path.Combine(_work, "missing.json"));
        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Equal("Error: unknown command 'staus' for 'nas hello'; did you mean status?", typo.Error.Trim());
    }

    [Fact]
    public void A_plugin_strategy_runs_an_experiment_and_its_options_are_validated()
    {
        var file = Experiment("climb", """{ "name": "hill-climb", "options": { "initialSamples": 3 } }""");
        var wrong = Experiment("climb-wrong", """{ "name": "hill-climb", "options": { "initialSample": 3 } }""");

        var run = Nas("run", file);
        var status = JObject.Parse(CliRunner.Run("status", file, "--json").Out);
        var invalid = Nas("validate", wrong);

        Assert.True(run.ExitCode == ExitCodes.Success, run.Error);
        Assert.Equal(12, ((JArray)status["trials"]!).Count);
        Assert.Equal(ExitCodes.BadInput, invalid.ExitCode);
        Assert.Contains("hill-climb", invalid.Error, StringComparison.Ordinal);
        Assert.Contains("initialSample", invalid.Error, StringComparison.Ordinal);
    }

    private string Experiment(string name, string strategy)
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "plugin": "hello",
              "searchSpace": { "name": "digits", "options": { "length": 4 } },
              "evaluator": { "name": "target", "options": { "target": "3141" } },
              "objectives": [ { "metric": "score", "direction": "maximize" } ],
              "strategy": {{strategy}},
              "budget": { "trials": 12 },
              "workers": 1,
              "seed": 3,
              "store": "{{name}}.db"
            }
            """);
        return path;
    }

    private sealed class FullDiskWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }
}
