using NasPlatform.Abstractions;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Eda.Evaluation;
using NasPlatform.Plugins.Eda.Spaces;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Plugins.Eda.Tests.Evaluation;

/// <summary>The EDA components' options records: the generated schemas say what the hand-written ones said, and binding keeps the defaults.</summary>
public sealed class RoutabilityOptionsTests
{
    [Fact]
    public void The_evaluator_schema_requires_the_dataset_and_bounds_each_fidelity_share()
    {
        var schema = JObject.Parse(ComponentOptions.SchemaFor<RoutabilityEvaluatorOptions>(null));
        Assert.Equal(["dataset"], schema["required"]!.Values<string>());
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Equal(1, (int)schema["properties"]!["heldOutDesigns"]!["minimum"]!);
        var fidelity = schema["properties"]!["fidelities"]!["items"]!;
        Assert.Equal(["name", "epochScale", "dataFraction"], fidelity["required"]!.Values<string>());
        Assert.Equal(0, (double)fidelity["properties"]!["epochScale"]!["exclusiveMinimum"]!);
        Assert.Equal(1, (double)fidelity["properties"]!["dataFraction"]!["maximum"]!);
        Assert.Equal(["quarter", "half", "full"], schema["properties"]!["fidelities"]!["default"]!.Select(f => (string)f["name"]!));
    }

    [Fact]
    public void Bound_options_keep_the_defaults_and_make_the_fidelity_ladder()
    {
        var options = ComponentOptions.Bind<RoutabilityEvaluatorOptions>("""{ "dataset": "data" }""");
        Assert.Equal(3, options.HeldOutDesigns);
        Assert.Equal(0, options.SplitSeed);
        Assert.Empty(options.ValidationDesigns);
        var ladder = options.BudgetFidelities();
        Assert.Equal(["quarter", "half", "full"], ladder.Select(f => f.Name));
        Assert.Equal([0.125, 0.5, 1.0], ladder.Select(f => f.Cost));
        Assert.Equal(0.25, ladder[0].Settings["epochScale"]);
        Assert.Equal(0.5, ladder[0].Settings["dataFraction"]);
        Assert.Throws<NasConfigurationException>(() => ComponentOptions.Bind<RoutabilityEvaluatorOptions>("""{ "heldOutDesigns": 2 }"""));
    }

    [Fact]
    public void The_space_defaults_match_the_schema_and_a_grid_that_does_not_divide_is_refused_at_maxStages()
    {
        var schema = JObject.Parse(ComponentOptions.SchemaFor<RoutabilitySpaceOptions>(null));
        Assert.Equal(4, (int)schema["properties"]!["maxStages"]!["default"]!);
        Assert.Equal(256, (int)schema["properties"]!["grid"]!["maximum"]!);
        var space = new RoutabilitySpace();
        Assert.Equal((2, 4, 32, 9), (space.MinStages, space.MaxStages, space.Grid, space.Channels));
        var e = Assert.Throws<NasPlatform.Abstractions.Plugins.ComponentConfigurationException>(
            () => RoutabilitySpace.Create(new RoutabilitySpaceOptions { Grid = 20 }, new NasPlatform.Abstractions.Plugins.ComponentContext(".", ".", 0)));
        Assert.Equal("maxStages", e.OptionPath);
    }
}
