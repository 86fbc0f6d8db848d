using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using NasPlatform.Abstractions.Options;

namespace NasPlatform.Abstractions.Tests.Options;

public sealed class ComponentOptionsTests
{
    [Fact]
    public void The_schema_says_what_the_record_declares_once()
    {
        var schema = JsonNode.Parse(ComponentOptions.SchemaFor<SampleOptions>("sample options"))!.AsObject();

        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
        Assert.Equal("sample options", (string?)schema["title"]);
        Assert.Equal("A sample.", (string?)schema["description"]);
        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Equal(["qubits"], schema["required"]!.AsArray().Select(n => (string?)n));

        var properties = schema["properties"]!.AsObject();
        Assert.Equal(["qubits", "layers", "rate", "gates", "order", "nested", "coupling"], properties.Select(p => p.Key));
        var layers = properties["layers"]!.AsObject();
        Assert.Equal("integer", (string?)layers["type"]);
        Assert.Equal(4, (int)layers["default"]!);
        Assert.Equal(1, (int)layers["minimum"]!);
        Assert.Equal(64, (int)layers["maximum"]!);
        Assert.Equal("Number of layers.", (string?)layers["description"]);
        Assert.Null(properties["qubits"]!["default"]);

        var rate = properties["rate"]!.AsObject();
        Assert.Equal("number", (string?)rate["type"]);
        Assert.Equal(0, (double)rate["exclusiveMinimum"]!);
        Assert.Equal(0.5, (double)rate["default"]!);

        var gates = properties["gates"]!.AsObject();
        Assert.Equal("array", (string?)gates["type"]);
        Assert.Equal(1, (int)gates["minItems"]!);
        Assert.True((bool)gates["uniqueItems"]!);
        Assert.Equal(["rx", "ry", "rz"], gates["items"]!["enum"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(["rx", "ry"], gates["default"]!.AsArray().Select(n => (string?)n));

        // A nullable option means "left out: derive it"; JSON null is not a value a file may give.
        var order = properties["order"]!.AsObject();
        Assert.Equal(["chain", "ring"], order["enum"]!.AsArray().Select(n => (string?)n));
        Assert.Null(order["default"]);
        Assert.Equal("integer", (string?)properties["nested"]!["properties"]!["size"]!["type"]);
        Assert.Equal(2, (int)properties["nested"]!["properties"]!["size"]!["default"]!);
        Assert.NotNull(properties["coupling"]!["oneOf"]);
        Assert.Equal("How qubits are coupled.", (string?)properties["coupling"]!["description"]);
    }

    [Fact]
    public void Binding_keeps_defaults_for_options_left_out()
    {
        var options = ComponentOptions.Bind<SampleOptions>("""{ "qubits": 6, "gates": ["rz"], "coupling": [[0, 1]] }""");

        Assert.Equal(6, options.Qubits);
        Assert.Equal(4, options.Layers);
        Assert.Equal(0.5, options.Rate);
        Assert.Equal(["rz"], options.Gates);
        Assert.Null(options.Order);
        Assert.Equal(2, options.Nested.Size);
        Assert.Equal(JsonValueKind.Array, options.Coupling!.Value.ValueKind);
    }

    [Theory]
    [InlineData("""{ "layers": 3 }""", "qubits")]
    [InlineData("""{ "qubits": 2, "layres": 3 }""", "layres")]
    [InlineData("""{ "qubits": "two" }""", "qubits")]
    public void Binding_refuses_what_the_record_cannot_hold(string json, string named)
    {
        var error = Assert.Throws<NasConfigurationException>(() => ComponentOptions.Bind<SampleOptions>(json));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_options_accepts_only_an_empty_object()
    {
        var schema = JsonNode.Parse(ComponentOptions.SchemaFor<NoOptions>(null))!.AsObject();

        Assert.False((bool)schema["additionalProperties"]!);
        Assert.Empty(schema["properties"]?.AsObject() ?? []);
        Assert.Throws<NasConfigurationException>(() => ComponentOptions.Bind<NoOptions>("""{ "x": 1 }"""));
    }

    [Fact]
    public void Options_round_trip_through_json_with_their_defaults()
    {
        var options = new SampleOptions { Qubits = 3, Order = "ring" };

        var json = ComponentOptions.ToJson(options);

        Assert.Contains("\"layers\":4", json, StringComparison.Ordinal);
        Assert.Equal(options.Order, ComponentOptions.Bind<SampleOptions>(json).Order);
    }

    [Description("A sample.")]
    private sealed record SampleOptions
    {
        [Range(1, 24)]
        public required int Qubits { get; init; }

        [Description("Number of layers.")]
        [Range(1, 64)]
        public int Layers { get; init; } = 4;

        [Range(0.0, double.PositiveInfinity, MinimumIsExclusive = true)]
        public double Rate { get; init; } = 0.5;

        [MinLength(1)]
        [UniqueItems]
        [AllowedValues("rx", "ry", "rz")]
        public IReadOnlyList<string> Gates { get; init; } = ["rx", "ry"];

        [AllowedValues("chain", "ring")]
        public string? Order { get; init; }

        public NestedOptions Nested { get; init; } = new();

        [Description("How qubits are coupled.")]
        [SchemaFragment("""{ "oneOf": [ { "enum": ["line", "ring"] }, { "type": "array" } ] }""")]
        public JsonElement? Coupling { get; init; }
    }

    private sealed record NestedOptions
    {
        [Range(1, 10)]
        public int Size { get; init; } = 2;
    }
}
