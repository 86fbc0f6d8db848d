using Newtonsoft.Json.Linq;

namespace NasPlatform.Cli.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class ValidateCommandTests : IDisposable
{
    // The wrong type sits on line 7: keep the lines as they are.
    private const string WrongTypeAtLine7 = """
        {
          "name": "demo",
          "plugin": "tabular",
          "searchSpace": { "name": "nas-bench-201" },
          "evaluator": { "name": "lookup", "options": { "table": "TABLE" } },
          "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
          "budget": { "trials": "many" },
          "seed": 7
        }
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "nas-cli-tests-" + Guid.NewGuid().ToString("N"));

    public ValidateCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Wrong_type_at_line_7_prints_line_7_and_the_path_and_exits_2()
    {
        var path = Write("exp.json", WrongTypeAtLine7);

        var (code, output, error) = CliRunner.Run("validate", path);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"{path}:7:25: $.budget.trials: expected an integer, found \"many\"", error.TrimEnd());
    }

    [Fact]
    public void Valid_file_prints_a_summary_and_exits_0()
    {
        var path = Write("exp.json", WrongTypeAtLine7.Replace("\"many\"", "100").Replace("\"trials\": 100", "\"trials\": 100, \"seconds\": 60"));

        var (code, output, error) = CliRunner.Run("validate", path, "--plugins", RepoPaths.Plugins);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Equal($"{path}: valid (plugin tabular, search space nas-bench-201, evaluator lookup, strategy random, 1 objective, budget 100 trials or 60 s, seed 7)", output.TrimEnd());
    }

    [Fact]
    public void Every_problem_gets_its_own_line()
    {
        var path = Write("exp.json", WrongTypeAtLine7.Replace("\"plugin\": \"tabular\"", "\"plugn\": \"tabular\""));

        var (code, _, error) = CliRunner.Run("validate", path);

        Assert.Equal(2, code);
        var lines = error.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{path}:1:1: $.plugin: required property 'plugin' is missing", lines[0]);
        Assert.StartsWith($"{path}:3:3: $.plugn: property 'plugn' is not allowed here; did you mean 'plugin'?", lines[1]);
        Assert.StartsWith($"{path}:7:25: $.budget.trials:", lines[2]);
    }

    [Fact]
    public void Missing_file_is_a_clear_message_and_exit_2()
    {
        var path = Path.Combine(_dir, "absent.json");

        var (code, _, error) = CliRunner.Run("validate", path);

        Assert.Equal(2, code);
        Assert.Equal($"{path}: experiment file not found (looked for {path})", error.TrimEnd());
    }

    [Fact]
    public void Json_output_lists_problems_with_their_places()
    {
        var path = Write("exp.json", WrongTypeAtLine7);

        var (code, output, _) = CliRunner.Run("validate", path, "--json");

        Assert.Equal(2, code);
        var result = JObject.Parse(output);
        Assert.False((bool)result["valid"]!);
        var problem = (JObject)Assert.Single((JArray)result["problems"]!);
        Assert.Equal(path, (string?)problem["file"]);
        Assert.Equal(7, (int?)problem["line"]);
        Assert.Equal(25, (int?)problem["column"]);
        Assert.Equal("$.budget.trials", (string?)problem["path"]);
        Assert.Equal("expected an integer, found \"many\"", (string?)problem["message"]);
    }

    [Fact]
    public void Json_output_for_a_valid_file_has_no_problems()
    {
        var path = Write("exp.json", WrongTypeAtLine7.Replace("\"many\"", "5"));

        var (code, output, _) = CliRunner.Run("validate", path, "--json", "--plugins", RepoPaths.Plugins);

        Assert.Equal(0, code);
        var result = JObject.Parse(output);
        Assert.True((bool)result["valid"]!);
        Assert.Empty((JArray)result["problems"]!);
    }

    [Fact]
    public void Json_output_for_a_missing_file_has_no_place()
    {
        var (code, output, _) = CliRunner.Run("validate", Path.Combine(_dir, "absent.json"), "--json");

        Assert.Equal(2, code);
        var problem = (JObject)Assert.Single((JArray)JObject.Parse(output)["problems"]!);
        Assert.Equal(JTokenType.Null, problem["line"]!.Type);
        Assert.Equal(JTokenType.Null, problem["path"]!.Type);
        Assert.Contains("not found", (string?)problem["message"]);
    }

    private static string Table => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "nas-bench-201-cifar10.csv"));

    [Fact]
    public void A_name_no_plugin_offers_is_reported_at_its_line_and_exits_2()
    {
        var path = Write("exp.json", WrongTypeAtLine7.Replace("\"many\"", "5").Replace("nas-bench-201", "nas-bench-202"));

        var (code, _, error) = CliRunner.Run("validate", path, "--plugins", RepoPaths.Plugins);

        Assert.Equal(2, code);
        Assert.Equal($"{path}:4:28: $.searchSpace.name: plugin 'tabular' has no search space named 'nas-bench-202'; it has 'nas-bench-201'", error.TrimEnd());
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public void A_trial_budget_too_large_for_an_int_is_located_with_its_range_and_exits_2(string command)
    {
        var path = Write("exp.json", WrongTypeAtLine7.Replace("\"many\"", "99999999999999999999999"));

        var (code, output, error) = CliRunner.Run(command, path, "--plugins", RepoPaths.Plugins);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"{path}:7:25: $.budget.trials: expected an integer >= 1 and <= 2147483647, found 99999999999999999999999", error.TrimEnd());
        Assert.False(File.Exists(Path.Combine(_dir, "demo.db")));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    public void A_byte_that_is_not_UTF8_is_reported_as_an_encoding_problem_at_its_offset_and_exits_2(string command)
    {
        var path = Write("exp.json", WrongTypeAtLine7.Replace("\"many\"", "5"));
        var bytes = File.ReadAllBytes(path).ToList();
        // "demo" on line 2 becomes "de\xFFmo": Latin-1 text saved without converting it.
        var name = bytes.IndexOf((byte)'d');
        bytes.Insert(name + 2, 0xFF);
        File.WriteAllBytes(path, [.. bytes]);

        var (code, _, error) = CliRunner.Run(command, path, "--plugins", RepoPaths.Plugins);

        Assert.Equal(2, code);
        Assert.Equal($"{path}:2:14: not valid UTF-8 at byte offset {name + 2} (line 2): byte 0xFF cannot start or continue a character here; save the file as UTF-8 (or fix that character)", error.TrimEnd());
    }

    private string Write(string name, string text)
    {
        text = text.Replace("TABLE", Table);
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
