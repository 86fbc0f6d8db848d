using NasPlatform.Abstractions;
using NasPlatform.Search.Constraints;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Objectives;
using NasPlatform.Engine.Experiments;

namespace NasPlatform.Engine.Tests.Experiments;

public sealed class ExperimentFileTests : IDisposable
{
    // Line numbers matter in these tests: keep each property on the line the comments say.
    private const string Valid = """
        {
          "name": "demo",
          "plugin": "tabular",
          "searchSpace": { "name": "nb201", "options": { "table": "data/table.csv" } },
          "evaluator": { "name": "lookup" },
          "objectives": [ { "metric": "accuracy", "direction": "maximize" }, { "metric": "params", "direction": "minimize" } ],
          "budget": { "trials": 100 },
          "seed": 7,
          "constraints": ["params <= 5e6", "flops > 1.5"]
        }
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Wrong_type_at_line_7_reports_line_7_and_json_path()
    {
        var path = _dir.Write("bad.json", Valid.Replace("\"trials\": 100", "\"trials\": \"many\""));

        var check = ExperimentFile.Check(path);

        var problem = Assert.Single(check.Problems);
        Assert.Equal(7, problem.Line);
        Assert.Equal(25, problem.Column);
        Assert.Equal("$.budget.trials", problem.JsonPath);
        Assert.Equal("expected an integer, found \"many\"", problem.Message);
        var error = Assert.Throws<NasConfigurationException>(() => ExperimentFile.Load(path));
        Assert.Equal($"{path}:7:25: $.budget.trials: expected an integer, found \"many\"", error.Message);
    }

    [Fact]
    public void Valid_file_loads_with_resolved_paths_and_defaults()
    {
        var path = _dir.Write("sub/demo.json", Valid);

        var spec = ExperimentFile.Load(path);

        Assert.Equal("demo", spec.Name);
        Assert.Equal("tabular", spec.Plugin);
        Assert.Equal("nb201", spec.SearchSpace.Name);
        Assert.Equal("data/table.csv", (string?)spec.SearchSpace.Options["table"]);
        Assert.Equal("lookup", spec.Evaluator.Name);
        Assert.Empty(spec.Evaluator.Options);
        Assert.Equal(new ComponentSpec("random", new JObject()).Name, spec.Strategy.Name);
        Assert.Empty(spec.Strategy.Options);
        Assert.Equal([new Objective("accuracy", Direction.Maximize), new Objective("params", Direction.Minimize)], spec.Objectives);
        Assert.Equal([new Constraint("params", ComparisonOperator.LessOrEqual, 5e6), new Constraint("flops", ComparisonOperator.Greater, 1.5)], spec.Constraints);
        Assert.Equal(new BudgetSpec(100, null), spec.Budget);
        Assert.Equal(7, spec.Seed);
        Assert.Equal(1, spec.Workers);
        Assert.Null(spec.Fidelity);
        Assert.Null(spec.TrialTimeoutSeconds);
        Assert.Null(spec.Description);
        var directory = Path.Combine(_dir.Path, "sub");
        Assert.Equal(directory, spec.BaseDirectory);
        Assert.Equal(Path.Combine(directory, "demo.db"), spec.StorePath);
        Assert.Equal(path, spec.SourceFile);
        Assert.Equal("demo", (string?)spec.Document["name"]);
    }

    [Fact]
    public void Optional_settings_are_read_and_store_resolves_against_the_file()
    {
        var json = JObject.Parse(Valid);
        json["store"] = "../runs/demo-store.db";
        json["workers"] = 4;
        json["fidelity"] = "full";
        json["trialTimeoutSeconds"] = 90.5;
        json["description"] = "a test";
        json["strategy"] = new JObject { ["name"] = "evolution", ["options"] = new JObject { ["population"] = 20 } };
        json["budget"] = new JObject { ["trials"] = 10, ["seconds"] = 3600 };
        json["$schema"] = "../schemas/experiment.schema.json";
        var path = _dir.Write("sub/demo.json", json.ToString());

        var spec = ExperimentFile.Load(path);

        Assert.Equal(Path.Combine(_dir.Path, "runs", "demo-store.db"), spec.StorePath);
        Assert.Equal(4, spec.Workers);
        Assert.Equal("full", spec.Fidelity);
        Assert.Equal(90.5, spec.TrialTimeoutSeconds);
        Assert.Equal("a test", spec.Description);
        Assert.Equal("evolution", spec.Strategy.Name);
        Assert.Equal(20, (int?)spec.Strategy.Options["population"]);
        Assert.Equal(new BudgetSpec(10, 3600), spec.Budget);
    }

    [Fact]
    public void Missing_required_property_is_named()
    {
        var path = _dir.Write("x.json", Valid.Replace("  \"seed\": 7,\n", string.Empty));

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Equal("$.seed", problem.JsonPath);
        Assert.Equal("required property 'seed' is missing", problem.Message);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void Misspelled_property_is_named_with_a_suggestion()
    {
        var path = _dir.Write("x.json", Valid.Replace("\"options\":", "\"optoins\":"));

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Equal("$.searchSpace.optoins", problem.JsonPath);
        Assert.Equal((4, 37), (problem.Line, problem.Column));
        Assert.Contains("'optoins' is not allowed", problem.Message);
        Assert.Contains("did you mean 'options'?", problem.Message);
    }

    [Fact]
    public void Bad_constraint_string_reports_its_index_and_the_expected_form()
    {
        var path = _dir.Write("x.json", Valid.Replace("\"flops > 1.5\"", "\"flops => 1.5\""));

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Equal("$.constraints[1]", problem.JsonPath);
        Assert.Equal(9, problem.Line);
        Assert.Contains("\"params <= 5e6\"", problem.Message);
        Assert.Contains("found \"flops => 1.5\"", problem.Message);
    }

    [Fact]
    public void Syntax_error_reports_line_and_column()
    {
        var path = _dir.Write("x.json", Valid.Replace("\"seed\": 7,", "\"seed\": ,"));

        var error = Assert.Throws<NasConfigurationException>(() => ExperimentFile.Load(path));

        Assert.StartsWith($"{path}:8:", error.Message);
        Assert.Contains("invalid JSON", error.Message);
        Assert.DoesNotContain("position", error.Message);
    }

    [Fact]
    public void Duplicate_property_is_a_syntax_error_at_its_line()
    {
        var path = _dir.Write("x.json", Valid.Replace("\"seed\": 7,", "\"seed\": 7, \"seed\": 8,"));

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Equal(8, problem.Line);
        Assert.Contains("'seed' already exists", problem.Message);
    }

    [Fact]
    public void Every_problem_is_listed_in_file_order()
    {
        var text = Valid
            .Replace("\"plugin\": \"tabular\"", "\"plugin\": 3")
            .Replace("\"direction\": \"maximize\"", "\"direction\": \"up\"")
            .Replace("\"seed\": 7", "\"seed\": 7.5");
        var path = _dir.Write("x.json", text);

        var problems = ExperimentFile.Check(path).Problems;

        Assert.Equal(["$.plugin", "$.objectives[0].direction", "$.seed"], problems.Select(p => p.JsonPath));
        Assert.Equal([3, 6, 8], problems.Select(p => p.Line ?? 0));
        Assert.Contains("expected one of \"minimize\", \"maximize\", found \"up\"", problems[1].Message);
        var message = Assert.Throws<NasConfigurationException>(() => ExperimentFile.Load(path)).Message;
        Assert.Equal(3, message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void Budget_needs_a_limit_and_positive_values()
    {
        var path = _dir.Write("x.json", Valid.Replace("{ \"trials\": 100 }", "{ }"));
        var problem = Assert.Single(ExperimentFile.Check(path).Problems);
        Assert.Equal("$.budget", problem.JsonPath);
        Assert.Contains("'trials', 'seconds'", problem.Message);

        path = _dir.Write("y.json", Valid.Replace("{ \"trials\": 100 }", "{ \"trials\": 0, \"seconds\": 0 }"));
        var problems = ExperimentFile.Check(path).Problems;
        Assert.Equal(["expected an integer >= 1, found 0", "expected a number > 0, found 0"], problems.Select(p => p.Message));
    }

    [Fact]
    public void Workers_out_of_range_is_rejected()
    {
        var path = _dir.Write("x.json", Valid.Replace("\"seed\": 7,", "\"seed\": 7, \"workers\": 0,"));

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Equal("$.workers", problem.JsonPath);
        Assert.Equal("expected an integer >= 1 and <= 256, found 0", problem.Message);
    }

    [Fact]
    public void Same_metric_twice_is_rejected()
    {
        var path = _dir.Write("x.json", Valid.Replace("\"metric\": \"params\"", "\"metric\": \"accuracy\""));

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Equal("$.objectives[1].metric", problem.JsonPath);
        Assert.Equal(6, problem.Line);
    }

    [Fact]
    public void Store_that_is_a_directory_is_rejected()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "demo.db"));
        var path = _dir.Write("x.json", Valid);

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Contains("names a directory", problem.Message);
    }

    [Fact]
    public void Root_that_is_not_an_object_gives_one_problem()
    {
        var path = _dir.Write("x.json", "[1, 2]");

        var problem = Assert.Single(ExperimentFile.Check(path).Problems);

        Assert.Equal("$", problem.JsonPath);
        Assert.Contains("found an array", problem.Message);
    }

    [Fact]
    public void Missing_file_is_a_clear_problem()
    {
        var path = Path.Combine(_dir.Path, "nothing.json");

        var error = Assert.Throws<NasConfigurationException>(() => ExperimentFile.Load(path));

        Assert.Equal($"{path}: experiment file not found (looked for {path})", error.Message);
    }

    [Fact]
    public void Directory_instead_of_a_file_is_a_clear_problem()
    {
        var problem = Assert.Single(ExperimentFile.Check(_dir.Path).Problems);

        Assert.Equal(string.Empty, problem.JsonPath);
        Assert.Contains("is a directory", problem.Message);
    }

    [Fact]
    public void FromDocument_rebuilds_the_spec_from_the_stored_copy()
    {
        var spec = ExperimentFile.Load(_dir.Write("sub/demo.json", Valid));
        var stored = JObject.Parse(spec.Document.ToString());

        var again = ExperimentFile.FromDocument(stored, spec.BaseDirectory, "store.db (experiment demo)");

        Assert.Equal(spec.StorePath, again.StorePath);
        Assert.Equal(spec.Objectives, again.Objectives);
        Assert.Equal(spec.Constraints, again.Constraints);
        Assert.Equal(spec.Budget, again.Budget);
        Assert.Equal(spec.Seed, again.Seed);
        Assert.Null(again.SourceFile);
    }

    [Fact]
    public void FromDocument_keeps_date_like_strings_as_strings()
    {
        var spec = ExperimentFile.Load(_dir.Write("demo.json", Valid.Replace("\"seed\": 7,", "\"seed\": 7, \"description\": \"2024-05-01T10:00:00Z\",")));

        var again = ExperimentFile.FromDocument(spec.Document, spec.BaseDirectory, "store.db (experiment demo)");

        Assert.Equal("2024-05-01T10:00:00Z", again.Description);
    }

    [Fact]
    public void FromDocument_reports_schema_problems_against_the_origin()
    {
        var stored = JObject.Parse(Valid);
        stored.Remove("plugin");

        var error = Assert.Throws<NasConfigurationException>(() => ExperimentFile.FromDocument(stored, _dir.Path, "store.db (experiment demo)"));

        Assert.Equal("store.db (experiment demo): $.plugin: required property 'plugin' is missing", error.Message);
    }
}
