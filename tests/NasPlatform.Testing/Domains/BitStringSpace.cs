using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;

namespace NasPlatform.Testing.Domains;

/// <summary>All bit strings of a fixed length; free statistic "ones" counts the set bits.</summary>
public sealed class BitStringSpace(int length) : ISearchSpace
{
    public int Length { get; } = length;

    public int EncodingLength => Length;

    public static Candidate Make(string bits) => Candidate.From(new JObject { ["bits"] = bits });

    public static string Bits(Candidate candidate) => candidate.ToJson()["bits"]!.Value<string>()!;

    public Candidate Sample(Random rng) => Make(new string(Enumerable.Range(0, Length).Select(_ => rng.Next(2) == 1 ? '1' : '0').ToArray()));

    public Candidate Mutate(Candidate parent, Random rng)
    {
        var bits = Bits(parent).ToCharArray();
        var i = rng.Next(Length);
        bits[i] = bits[i] == '1' ? '0' : '1';
        return Make(new string(bits));
    }

    public Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        var a = Bits(first);
        var b = Bits(second);
        return Make(new string(Enumerable.Range(0, Length).Select(i => rng.Next(2) == 0 ? a[i] : b[i]).ToArray()));
    }

    public IReadOnlyList<string> Validate(Candidate candidate)
    {
        var bits = candidate.ToJson()["bits"]?.Value<string>();
        return bits is not null && bits.Length == Length && bits.All(c => c is '0' or '1') ? [] : [$"'bits' must be {Length} characters of 0 and 1"];
    }

    public double[] Encode(Candidate candidate) => Bits(candidate).Select(c => c == '1' ? 1.0 : 0.0).ToArray();

    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate) =>
        new Dictionary<string, double> { ["ones"] = Bits(candidate).Count(c => c == '1') };
}
