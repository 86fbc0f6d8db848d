using NasPlatform.Abstractions;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Tests.Schemas;

public sealed class SchemaValidatorTests
{
    private static readonly NJsonSchema.JsonSchema Schema = SchemaValidator.ParseSchema("""
        {
          "type": "object",
          "additionalProperties": false,
          "required": ["size"],
          "properties": {
            "size": { "type": "integer", "minimum": 1 },
            "rate": { "type": "number", "exclusiveMinimum": 0, "maximum": 1 },
            "layers": { "type": "array", "items": { "$ref": "#/definitions/layer" } },
            "code": { "type": "string", "pattern": "^[A-Z]+$" }
          },
          "definitions": {
            "layer": {
              "type": "object",
              "additionalProperties": false,
              "required": ["op"],
              "properties": { "op": { "enum": ["conv", "pool"] }, "width": { "type": "integer" } }
            }
          }
        }
        """, "test schema");

    [Fact]
    public void Type_error_points_at_the_start_of_the_value()
    {
        var problems = SchemaValidator.Validate("{\n  \"size\":   \"big\"\n}", Schema);

        var problem = Assert.Single(problems);
        Assert.Equal(new SchemaProblem("$.size", 2, 13, "expected an integer, found \"big\""), problem);
    }

    [Fact]
    public void Nested_errors_inside_array_items_carry_their_own_path_and_line()
    {
        const string json = """
            {
              "size": 2,
              "layers": [
                { "op": "conv", "width": 3 },
                { "op": "dense", "width": "wide" },
                { "width": 1 }
              ]
            }
            """;

        var problems = SchemaValidator.Validate(json, Schema);

        Assert.Equal(
            [
                new SchemaProblem("$.layers[1].op", 5, 13, "expected one of \"conv\", \"pool\", found \"dense\""),
                new SchemaProblem("$.layers[1].width", 5, 31, "expected an integer, found \"wide\""),
                new SchemaProblem("$.layers[2].op", 6, 5, "required property 'op' is missing"),
            ],
            problems);
    }

    [Fact]
    public void Unknown_property_points_at_its_name_in_nested_objects()
    {
        var problems = SchemaValidator.Validate("{\"size\": 1, \"layers\": [{\"op\": \"conv\", \"widht\": 2}]}", Schema);

        var problem = Assert.Single(problems);
        Assert.Equal("$.layers[0].widht", problem.JsonPath);
        Assert.Equal((1, 39), (problem.Line, problem.Column));
        Assert.Equal("property 'widht' is not allowed here; did you mean 'width'?", problem.Message);
    }

    [Fact]
    public void Unknown_property_far_from_any_name_lists_the_allowed_ones()
    {
        var problem = Assert.Single(SchemaValidator.Validate("{\"size\": 1, \"colour\": 2}", Schema));

        Assert.Equal("property 'colour' is not allowed here; allowed: size, rate, layers, code", problem.Message);
    }

    [Fact]
    public void A_wrong_type_hides_the_rules_about_its_contents()
    {
        var problem = Assert.Single(SchemaValidator.Validate("[]", Schema));

        Assert.Equal(new SchemaProblem("$", 1, 1, "expected an object, found an array"), problem);
    }

    [Fact]
    public void Bounds_and_patterns_are_described()
    {
        var problems = SchemaValidator.Validate("{\"size\": 0, \"rate\": 0, \"code\": \"ab\"}", Schema);

        Assert.Equal(
            [
                "$.size: expected an integer >= 1, found 0",
                "$.rate: expected a number > 0 and <= 1, found 0",
                "$.code: expected text matching the pattern ^[A-Z]+$, found \"ab\"",
            ],
            problems.Select(p => $"{p.JsonPath}: {p.Message}"));
    }

    [Fact]
    public void An_integer_without_bounds_gets_the_range_of_an_int_which_is_named_only_when_broken()
    {
        var problems = SchemaValidator.Validate("{\"size\": 3000000000, \"layers\": [{\"op\": \"conv\", \"width\": -99999999999999999999999}]}", Schema);

        Assert.Equal(
            [
                "$.size: expected an integer >= 1 and <= 2147483647, found 3000000000",
                "$.layers[0].width: expected an integer >= -2147483648 and <= 2147483647, found -99999999999999999999999",
            ],
            problems.Select(p => $"{p.JsonPath}: {p.Message}"));
    }

    [Fact]
    public void A_token_not_read_by_JsonSource_with_a_huge_integer_is_a_problem_not_an_InvalidCastException()
    {
        var token = Newtonsoft.Json.Linq.JToken.Parse("{\"size\": 99999999999999999999999, \"rate\": 99999999999999999999999}");

        var problems = SchemaValidator.Validate(token, Schema);

        Assert.Equal(
            [
                "$.rate: expected a number > 0 and <= 1, found 99999999999999999999999",
                "$.size: expected an integer >= 1 and <= 2147483647, found 99999999999999999999999",
            ],
            problems.Select(p => $"{p.JsonPath}: {p.Message}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Property_names_that_need_quoting_get_bracket_paths()
    {
        var schema = SchemaValidator.ParseSchema("""{ "additionalProperties": { "type": "integer" } }""", "test");

        var problem = Assert.Single(SchemaValidator.Validate("{\"a b\": \"x\"}", schema));

        Assert.Equal("$['a b']", problem.JsonPath);
    }

    [Fact]
    public void Syntax_error_is_returned_as_a_problem()
    {
        var problem = Assert.Single(SchemaValidator.Validate("{\n\"size\": 1,\n\"rate\": }", Schema));

        Assert.Equal(3, problem.Line);
        Assert.StartsWith("invalid JSON: Unexpected character", problem.Message);
    }

    [Fact]
    public void Format_is_the_compiler_form()
    {
        Assert.Equal("f.json:7:3: $.a: bad", new SchemaProblem("$.a", 7, 3, "bad").Format("f.json"));
        Assert.Equal("f.json: $.a: bad", new SchemaProblem("$.a", null, null, "bad").Format("f.json"));
        Assert.Equal("f.json: not found", new SchemaProblem(string.Empty, null, null, "not found").Format("f.json"));
    }

    [Fact]
    public void Not_a_schema_names_its_origin()
    {
        var error = Assert.Throws<NasConfigurationException>(() => SchemaValidator.ParseSchema("{ not json", "plugins/x/options.schema.json"));

        Assert.StartsWith("plugins/x/options.schema.json: not a valid JSON Schema", error.Message);
    }
}
