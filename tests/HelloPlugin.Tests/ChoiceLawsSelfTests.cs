using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;
using NasPlatform.Testing.Contracts;
using Xunit.Sdk;

namespace HelloPlugin.Tests;

/// <summary>
/// The contract kit's choice laws catch the faults they are there for (a law that cannot fail checks nothing):
/// names that change with the candidate, a description that loses a choice, and encoding names that do not
/// cover the encoding.
/// </summary>
public sealed class ChoiceLawsSelfTests
{
    [Fact]
    public void The_choice_laws_pass_for_the_digits_space()
    {
        var laws = new Laws(() => new DigitSpace(6));

        laws.Choice_descriptions_have_the_same_unique_names_in_the_same_order_for_every_candidate();
        laws.Choice_descriptions_survive_a_json_round_trip_and_tell_candidates_apart();
        laws.Encoding_feature_names_name_every_coordinate_once();
    }

    [Fact]
    public void Names_that_depend_on_the_candidate_are_caught()
    {
        // The default description names a digit only where it is not 0, as a space with optional parts might.
        var laws = new Laws(() => new Described(new DigitSpace(6), c => [.. Digits(c).Select((d, i) => KeyValuePair.Create($"digit{i}", d)).Where(p => p.Value != "0")]));

        Assert.ThrowsAny<XunitException>(laws.Choice_descriptions_have_the_same_unique_names_in_the_same_order_for_every_candidate);
    }

    [Fact]
    public void A_description_that_loses_a_choice_and_encoding_names_that_miss_a_coordinate_are_caught()
    {
        var laws = new Laws(() => new Described(new DigitSpace(6), c => [.. Digits(c).Take(5).Select((d, i) => KeyValuePair.Create($"digit{i}", d))], ["digit0"]));

        Assert.ThrowsAny<XunitException>(laws.Choice_descriptions_survive_a_json_round_trip_and_tell_candidates_apart);
        Assert.ThrowsAny<XunitException>(laws.Encoding_feature_names_name_every_coordinate_once);
    }

    private static IEnumerable<string> Digits(Candidate candidate) => candidate.ToJson()["digits"]!.Select(d => d.ToString());

    private sealed class Laws(Func<ISearchSpace> create) : SearchSpaceContract
    {
        protected override string PinnedTraceDigest => TraceDigest(create());

        protected override ISearchSpace CreateSpace() => create();
    }

    /// <summary>The digits space with another description (and encoding names).</summary>
    private sealed class Described(DigitSpace inner, Func<Candidate, IReadOnlyList<KeyValuePair<string, string>>> describe, IReadOnlyList<string>? featureNames = null) : ISearchSpace
    {
        public int EncodingLength => inner.EncodingLength;

        public IReadOnlyList<string> EncodingFeatureNames => featureNames ?? inner.EncodingFeatureNames;

        public Candidate Sample(Random rng) => inner.Sample(rng);

        public Candidate Mutate(Candidate parent, Random rng) => inner.Mutate(parent, rng);

        public Candidate Crossover(Candidate first, Candidate second, Random rng) => inner.Crossover(first, second, rng);

        public IReadOnlyList<string> Validate(Candidate candidate) => inner.Validate(candidate);

        public double[] Encode(Candidate candidate) => inner.Encode(candidate);

        public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) => inner.FreeStatistics(candidate);

        public IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate) => describe(candidate);
    }
}
