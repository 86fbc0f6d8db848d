using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Abstractions.Tests.Candidates;

public sealed class CandidateTests
{
    [Fact]
    public void Key_order_does_not_matter()
    {
        var a = Candidate.From(JObject.Parse("""{"ops": ["conv3", "skip"], "depth": 4, "width": 16}"""));
        var b = Candidate.From(JObject.Parse("""{"width": 16, "depth": 4, "ops": ["conv3", "skip"]}"""));

        Assert.Equal(a, b);
        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal("""{"depth":4,"ops":["conv3","skip"],"width":16}""", a.Json);
    }

    [Fact]
    public void Nested_objects_are_canonical_too_and_array_order_is_kept()
    {
        var a = Candidate.Parse("""{"cell": {"b": [ {"y": 1, "x": 2} ], "a": null}, "stem": {"k": 3, "c": 16}}""");
        var b = Candidate.Parse("""{ "stem": {"c": 16, "k": 3}, "cell": {"a": null, "b": [{"x": 2, "y": 1}]} }""");
        var reordered = Candidate.Parse("""{"cell": {"b": [ {"y": 1, "x": 2} ], "a": null}, "stem": {"k": 3, "c": 16}, "extra": []}""");

        Assert.Equal("""{"cell":{"a":null,"b":[{"x":2,"y":1}]},"stem":{"c":16,"k":3}}""", a.Json);
        Assert.Equal(a, b);
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a, reordered);
        Assert.NotEqual(Candidate.Parse("[1, 2]"), Candidate.Parse("[2, 1]"));
    }

    [Fact]
    public void Keys_sort_ordinally_not_by_culture()
    {
        var candidate = Candidate.Parse("""{"b": 1, "B": 2, "a": 3, "_": 4}""");

        Assert.Equal("""{"B":2,"_":4,"a":3,"b":1}""", candidate.Json);
    }

    [Fact]
    public void Different_values_hash_differently()
    {
        var a = Candidate.Parse("""{"depth": 4}""");
        var b = Candidate.Parse("""{"depth": 5}""");

        Assert.NotEqual(a, b);
        Assert.NotEqual(a.Hash, b.Hash);
        Assert.Matches("^[0-9a-f]{32}$", a.Hash);
    }

    [Fact]
    public void Hash_is_stable_across_processes()
    {
        // SHA-256 of the canonical text, first 16 bytes: pinned so a store written today still matches tomorrow.
        Assert.Equal("66e41417846f7e0228488fab3d0bb022", Candidate.Parse("""{"depth":4}""").Hash);
    }

    [Fact]
    public void ToJson_returns_a_copy()
    {
        var candidate = Candidate.Parse("""{"ops": ["conv3"]}""");

        var copy = (JObject)candidate.ToJson();
        ((JArray)copy["ops"]!).Add("skip");

        Assert.Equal("""{"ops":["conv3"]}""", candidate.Json);
    }

    [Fact]
    public void Changing_the_source_after_From_does_not_change_the_candidate()
    {
        var source = JObject.Parse("""{"ops": ["conv3"]}""");
        var candidate = Candidate.From(source);

        source["ops"] = new JArray("skip");

        Assert.Equal("""{"ops":["conv3"]}""", candidate.Json);
    }

    [Fact]
    public void Round_trips_through_a_domain_type()
    {
        var candidate = Candidate.FromObject(new Cell { Width = 8, Ops = ["conv1", "pool"] });

        var cell = candidate.ToObject<Cell>();

        Assert.Equal("""{"Ops":["conv1","pool"],"Width":8}""", candidate.Json);
        Assert.Equal(8, cell.Width);
        Assert.Equal(["conv1", "pool"], cell.Ops);
        Assert.Equal(candidate, Candidate.Parse(candidate.Json));
    }

    private sealed class Cell
    {
        public int Width { get; set; }

        public string[] Ops { get; set; } = [];
    }
}
