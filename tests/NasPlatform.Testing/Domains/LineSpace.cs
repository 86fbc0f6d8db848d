using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Testing.Domains;

/// <summary>A tiny space for strategy tests: candidates {"x": 0..Size-1}; records the parents it mutates.</summary>
public sealed class LineSpace(int size) : ISearchSpace
{
    public List<int> MutatedParents { get; } = [];

    public int EncodingLength => 1;

    public static Candidate At(int x) => Candidate.From(new JObject { ["x"] = x });

    public static int X(Candidate candidate) => candidate.ToJson().Value<int>("x");

    public Candidate Sample(Random rng) => At(rng.Next(size));

    public Candidate Mutate(Candidate parent, Random rng)
    {
        MutatedParents.Add(X(parent));
        return At((X(parent) + 1 + rng.Next(size - 1)) % size);
    }

    public Candidate Crossover(Candidate first, Candidate second, Random rng) => rng.Next(2) == 0 ? first : second;

    public IReadOnlyList<string> Validate(Candidate candidate) => [];

    public double[] Encode(Candidate candidate) => [X(candidate)];

    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) =>
        new Dictionary<string, double> { ["x"] = X(candidate) };
}
