using NasPlatform.Engine.Schemas;

namespace NasPlatform.Engine.Tests.Schemas;

/// <summary>The suggestion behind "did you mean": near names only, never a far-off guess.</summary>
public sealed class NearestNameTests
{
    private static readonly string[] StatusOptions = ["experiment", "last", "plugins", "json", "help", "h"];

    [Theory]
    [InlineData("wokers", "workers", 1)]
    [InlineData("lsat", "last", 1)]
    [InlineData("Workers", "workers", 0)]
    [InlineData("out", "output", 3)]
    [InlineData("", "run", 3)]
    public void Distance_counts_inserts_deletes_substitutions_and_swaps_ignoring_case(string a, string b, int expected)
    {
        Assert.Equal(expected, NearestName.Distance(a, b));
        Assert.Equal(expected, NearestName.Distance(b, a));
    }

    [Theory]
    [InlineData("lst", "last")]
    [InlineData("exprimnet", "experiment")]
    [InlineData("plug", "plugins")]
    [InlineData("l", "last")]
    [InlineData("x", null)]
    [InlineData("zzz", null)]
    [InlineData("jason", "json")]
    public void Find_takes_a_near_name_or_the_only_name_the_typed_one_begins(string typed, string? expected)
    {
        Assert.Equal(expected, NearestName.Find(typed, StatusOptions, name => [name]));
    }

    [Fact]
    public void A_prefix_of_several_names_suggests_none()
    {
        Assert.Null(NearestName.Find("re", ["resume", "report", "run"], name => [name]));
    }
}
