using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Abstractions.Spaces;

/// <summary>
/// A search space: the set of candidates a domain can build, with the operators that search
/// strategies need. Strategies never see domain types, only candidates, encodings and free
/// statistics, so every strategy works for every domain. Every random choice must come from
/// the <see cref="Random"/> passed in, which the engine derives from the experiment seed.
/// </summary>
public interface ISearchSpace
{
    /// <summary>Length of every vector <see cref="Encode"/> returns.</summary>
    int EncodingLength { get; }

    /// <summary>Draws a candidate (uniformly, or from the space's natural prior).</summary>
    Candidate Sample(Random rng);

    /// <summary>Returns a neighbour of <paramref name="parent"/> that differs by one small change.</summary>
    Candidate Mutate(Candidate parent, Random rng);

    /// <summary>Combines two parents into a child.</summary>
    Candidate Crossover(Candidate first, Candidate second, Random rng);

    /// <summary>Checks a candidate that may come from outside (a file, the store, a user).</summary>
    /// <returns>An empty list when valid, else one readable message per problem.</returns>
    IReadOnlyList<string> Validate(Candidate candidate);

    /// <summary>Fixed-length numeric features of a candidate, for predictors.</summary>
    double[] Encode(Candidate candidate);

    /// <summary>
    /// Statistics that cost no training, such as parameters, FLOPs, depth or gate counts.
    /// Constraints on these are checked before a candidate is evaluated.
    /// </summary>
    IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate);

    /// <summary>
    /// The candidate's choices as ordered name=value pairs in the field's words, for tables, exports and
    /// analysis: one column per choice (for example <c>edge_1_0=nor_conv_3x3</c>, <c>stage2.kernel=5</c>,
    /// <c>layer3.rotation=ry</c>). Every candidate of a space has the same names in the same order; a
    /// choice a candidate does not use (a gate slot past the end of a shorter circuit) has the empty value.
    /// Names are unique and contain no '=' or ','. The default lists every leaf of the candidate's JSON
    /// (<see cref="CandidateChoices.Flatten"/>), which keeps that promise only for spaces whose candidates
    /// all have one JSON shape.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate) => CandidateChoices.Flatten(candidate);

    /// <summary>
    /// A name for each coordinate of <see cref="Encode"/>, in order (for example <c>edge_1_0=none</c> for a
    /// one-hot slot), so an analysis of the encoding can say which choice mattered. The default is
    /// <c>x0</c>, <c>x1</c>, ...
    /// </summary>
    IReadOnlyList<string> EncodingFeatureNames =>
        [.. Enumerable.Range(0, EncodingLength).Select(i => "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
}
