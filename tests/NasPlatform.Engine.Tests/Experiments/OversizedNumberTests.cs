using NasPlatform.Abstractions;
using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Tests.Experiments;

/// <summary>Numbers JSON allows but .NET cannot hold: each is a located problem, never an InvalidCastException.</summary>
public sealed class OversizedNumberTests : IDisposable
{
    // Line numbers matter: "budget" is on line 7, "seed" on line 8, "workers" on line 9.
    private const string Valid = """
        {
          "name": "demo",
          "plugin": "tabular",
          "searchSpace": { "name": "nb201" },
          "evaluator": { "name": "lookup" },
          "objectives": [ { "metric": "accuracy", "direction": "maximize" } ],
          "budget": { "trials": 100 },
          "seed": 7,
          "workers": 1
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("\"trials\": 100", "\"trials\": 99999999999999999999999", "$.budget.trials", 7, "expected an integer >= 1 and <= 2147483647, found 99999999999999999999999")]
    [InlineData("\"trials\": 100", "\"trials\": 3000000000", "$.budget.trials", 7, "expected an integer >= 1 and <= 2147483647, found 3000000000")]
    [InlineData("\"trials\": 100", "\"seconds\": 1e400", "$.budget.seconds", 7, "expected a finite number, between -1.7976931348623157E+308 and 1.7976931348623157E+308, found 1e400")]
    [InlineData("\"trials\": 100", "\"cost\": -1e400", "$.budget.cost", 7, "expected a number > 0, found -1e400")]
    [InlineData("\"seed\": 7", "\"seed\": -99999999999999999999999", "$.seed", 8, "expected an integer >= -2147483648 and <= 2147483647, found -99999999999999999999999")]
    [InlineData("\"seed\": 7", "\"seed\": 1e400", "$.seed", 8, "expected an integer >= -2147483648 and <= 2147483647, found 1e400")]
    [InlineData("\"workers\": 1", "\"workers\": 99999999999999999999999", "$.workers", 9, "expected an integer >= 1 and <= 256, found 99999999999999999999999")]
    [InlineData("\"workers\": 1", "\"trialTimeoutSeconds\": 1e400", "$.trialTimeoutSeconds", 9, "expected a number > 0 and <= 4294967, found 1e400")]
    public void A_number_dotnet_cannot_hold_is_a_located_problem_with_the_allowed_range(string from, string to, string path, int line, string message)
    {
        var file = _dir.Write("x.json", Valid.Replace(from, to, StringComparison.Ordinal));

        var check = ExperimentFile.Check(file);

        var problem = Assert.Single(check.Problems);
        Assert.Equal(path, problem.JsonPath);
        Assert.Equal(line, problem.Line);
        Assert.Equal(message, problem.Message);
        var error = Assert.Throws<NasConfigurationException>(() => ExperimentFile.Load(file));
        Assert.StartsWith($"{file}:{line}:", error.Message);
    }

    [Fact]
    public void A_number_beyond_a_double_inside_component_options_is_a_problem_too()
    {
        var file = _dir.Write("x.json", Valid.Replace("{ \"name\": \"lookup\" }", "{ \"name\": \"lookup\", \"options\": { \"scale\": 2e999 } }", StringComparison.Ordinal));

        var problem = Assert.Single(ExperimentFile.Check(file).Problems);

        Assert.Equal("$.evaluator.options.scale", problem.JsonPath);
        Assert.Equal(5, problem.Line);
        Assert.EndsWith("found 2e999", problem.Message);
    }

    [Fact]
    public void A_huge_integer_where_a_number_is_expected_is_read_as_a_double()
    {
        var file = _dir.Write("x.json", Valid.Replace("\"trials\": 100", "\"seconds\": 99999999999999999999999", StringComparison.Ordinal));

        var spec = ExperimentFile.Load(file);

        Assert.Equal(1e23, spec.Budget.Seconds);
    }
}
