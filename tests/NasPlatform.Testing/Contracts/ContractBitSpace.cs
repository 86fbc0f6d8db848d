using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Testing.Contracts;

/// <summary>
/// The space <see cref="SearchStrategyContract"/> searches unless a test names another: rows of
/// <see cref="Length"/> bits stored as <c>{"bits":[0,1,...]}</c> (2^Length candidates); free statistic "ones".
/// </summary>
public sealed class ContractBitSpace : ISearchSpace
{
    public ContractBitSpace(int length = 12)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        Length = length;
    }

    public int Length { get; }

    public int EncodingLength => Length;

    public Candidate Sample(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Make(Enumerable.Range(0, Length).Select(_ => rng.Next(2)).ToArray());
    }

    public Candidate Mutate(Candidate parent, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var bits = Read(parent);
        var i = rng.Next(Length);
        bits[i] = 1 - bits[i];
        return Make(bits);
    }

    public Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var (a, b) = (Read(first), Read(second));
        return Make(Enumerable.Range(0, Length).Select(i => rng.Next(2) == 0 ? a[i] : b[i]).ToArray());
    }

    public IReadOnlyList<string> Validate(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var json = candidate.ToJson();
        if (json is not JObject { Count: 1 } obj || obj["bits"] is not JArray bits)
            return ["a bit candidate is an object with one property, 'bits'"];
        return bits.Count == Length && bits.All(b => b.Type == JTokenType.Integer && (int)b is 0 or 1)
            ? []
            : [$"'bits' must hold {Length} zeros and ones"];
    }

    public double[] Encode(Candidate candidate) => Read(candidate).Select(b => (double)b).ToArray();

    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) =>
        new Dictionary<string, double> { ["ones"] = Read(candidate).Sum() };

    private static Candidate Make(int[] bits) => Candidate.From(new JObject { ["bits"] = new JArray(bits) });

    private int[] Read(Candidate candidate)
    {
        var problems = Validate(candidate);
        if (problems.Count > 0)
            throw new ArgumentException($"Not a candidate of this space {candidate.Json}: {problems[0]}.", nameof(candidate));
        return candidate.ToJson()["bits"]!.Select(b => (int)b).ToArray();
    }
}
