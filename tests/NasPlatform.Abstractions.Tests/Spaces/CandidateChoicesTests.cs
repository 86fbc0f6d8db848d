using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Abstractions.Tests.Spaces;

public sealed class CandidateChoicesTests
{
    [Fact]
    public void Flatten_names_every_leaf_by_its_path_in_canonical_order_with_values_as_table_text()
    {
        var candidate = Candidate.From(JObject.Parse("""{"ops": ["conv3", "skip"], "recipe": {"lr": 0.1, "nesterov": true, "note": null}, "depth": 4}"""));

        var choices = CandidateChoices.Flatten(candidate);

        Assert.Equal(
            ["depth=4", "ops[0]=conv3", "ops[1]=skip", "recipe.lr=0.1", "recipe.nesterov=true", "recipe.note="],
            choices.Select(c => $"{c.Key}={c.Value}"));
    }

    [Fact]
    public void The_default_description_of_a_space_is_the_flattened_json_and_its_features_are_numbered()
    {
        ISearchSpace space = new TwoDigits();
        var candidate = Candidate.From(JObject.Parse("""{"digits": [3, 1]}"""));

        Assert.Equal(CandidateChoices.Flatten(candidate), space.DescribeChoices(candidate));
        Assert.Equal(["x0", "x1"], space.EncodingFeatureNames);
    }

    [Theory]
    [InlineData("\"text\"", "text")]
    [InlineData("1e-5", "1E-05")]
    [InlineData("12", "12")]
    [InlineData("false", "false")]
    [InlineData("[1,\"a\"]", "[1,\"a\"]")]
    public void Text_writes_values_as_a_table_shows_them_in_any_culture(string json, string expected)
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            Assert.Equal(expected, CandidateChoices.Text(JToken.Parse(json)));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    /// <summary>A space that keeps every default member of the contract.</summary>
    private sealed class TwoDigits : ISearchSpace
    {
        public int EncodingLength => 2;

        public Candidate Sample(Random rng) => throw new NotSupportedException();

        public Candidate Mutate(Candidate parent, Random rng) => throw new NotSupportedException();

        public Candidate Crossover(Candidate first, Candidate second, Random rng) => throw new NotSupportedException();

        public IReadOnlyList<string> Validate(Candidate candidate) => [];

        public double[] Encode(Candidate candidate) => [0, 0];

        public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) => new Dictionary<string, double>();
    }
}
