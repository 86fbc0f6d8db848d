using NasPlatform.Search.Constraints;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Tests.Schemas;

public sealed class ExperimentSchemaTests
{
    private static JObject SchemaJson => JObject.Parse(EmbeddedSchemas.ReadText(EmbeddedSchemas.Experiment));

    [Fact]
    public void Constraint_pattern_is_the_constraint_grammar()
    {
        var pattern = (string?)SchemaJson.SelectToken("properties.constraints.items.pattern");

        Assert.Equal(Constraint.Grammar, pattern);
    }

    [Fact]
    public void Every_field_has_a_description()
    {
        var schema = SchemaJson;
        var undocumented = schema.Descendants().OfType<JProperty>()
            .Where(p => p.Name == "properties" && p.Value is JObject)
            .SelectMany(p => ((JObject)p.Value).Properties())
            .Where(field => field.Value["description"] is null && !DescribedByReference(schema, field.Value))
            .Select(field => field.Path)
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Embedded_schema_is_the_committed_file()
    {
        var committed = Path.Combine(RepoRoot(), "schemas", EmbeddedSchemas.Experiment);

        Assert.Equal(File.ReadAllText(committed), EmbeddedSchemas.ReadText(EmbeddedSchemas.Experiment));
    }

    private static bool DescribedByReference(JObject schema, JToken field) =>
        field["$ref"] is JValue { Value: string reference } && schema.SelectToken(reference.TrimStart('#', '/').Replace('/', '.'))?["description"] is not null;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NasPlatform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Tests must run inside the repository.");
    }
}
