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
}
