using NasPlatform.Abstractions;
using Newtonsoft.Json.Linq;
using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Tests.Schemas;

public sealed class JsonSourceTests
{
    [Fact]
    public void Tokens_are_annotated_with_where_they_start()
    {
        const string text = "{\n  \"a\"  :  \"x\\\"y\" ,\n \"b\": [true, -1.5e3], \"c\": {}}";

        var root = JsonSource.Parse(text, "t.json");

        Assert.Equal(new SourcePosition(2, 3), SourcePosition.Of(((JObject)root).Property("a")));
        Assert.Equal(new SourcePosition(2, 11), SourcePosition.Of(root["a"]));
        Assert.Equal(new SourcePosition(3, 7), SourcePosition.Of(root["b"]));
        Assert.Equal(new SourcePosition(3, 8), SourcePosition.Of(root["b"]![0]));
        Assert.Equal(new SourcePosition(3, 14), SourcePosition.Of(root["b"]![1]));
        Assert.Equal(new SourcePosition(3, 28), SourcePosition.Of(root["c"]));
    }

    [Fact]
    public void Positions_survive_a_deep_clone()
    {
        var root = JsonSource.Parse("{\n \"a\": 12345}", "t.json");

        Assert.Equal(new SourcePosition(2, 7), SourcePosition.Of(root.DeepClone()["a"]));
    }

    [Fact]
    public void Comments_are_allowed_and_dates_stay_strings()
    {
        var root = JsonSource.Parse("// note\n{\"when\": \"2024-01-02T03:04:05Z\" /* inline */}\n// end", "t.json");

        Assert.Equal(JTokenType.String, root["when"]!.Type);
        Assert.Equal("2024-01-02T03:04:05Z", (string?)root["when"]);
    }

    [Fact]
    public void Text_after_the_document_is_an_error()
    {
        var error = Assert.Throws<NasConfigurationException>(() => JsonSource.Parse("{\"a\": 1}\n}", "t.json"));

        Assert.StartsWith("t.json:2:", error.Message);
        Assert.Contains("invalid JSON", error.Message);
    }

    [Fact]
    public void Unterminated_document_reports_its_place()
    {
        Assert.False(JsonSource.TryParse("{\"a\": 1,\n \"b\": 2", out var token, out var problem));

        Assert.Null(token);
        Assert.Equal(2, problem!.Line);
        Assert.Equal("$.b", problem.JsonPath);
        Assert.DoesNotContain("line 2", problem.Message);
    }
}
