using System.Globalization;
using NasPlatform.Abstractions.Candidates;
using NasPlatform.Abstractions.Spaces;

namespace HelloPlugin;

/// <summary>
/// Rows of <see cref="Length"/> decimal digits: 10^Length candidates. Small, but it has
/// everything a real space needs: sampling, one-step mutation, crossover, validation, a
/// fixed-length encoding and free statistics.
/// </summary>
public sealed class DigitSpace : ISearchSpace
{
    public DigitSpace(int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        Length = length;
    }

    public int Length { get; }

    public int EncodingLength => Length;

    public Candidate Sample(Random rng)
    {
        var digits = new int[Length];
        for (var i = 0; i < Length; i++)
        {
            digits[i] = rng.Next(10);
        }

        return Digits.ToCandidate(digits);
    }

    public Candidate Mutate(Candidate parent, Random rng)
    {
        var digits = Digits.Read(parent, Length);
        var position = rng.Next(Length);
        // Adding 1..9 modulo 10 always lands on a different digit, so the child is a true neighbour.
        digits[position] = (digits[position] + 1 + rng.Next(9)) % 10;
        return Digits.ToCandidate(digits);
    }

    public Candidate Crossover(Candidate first, Candidate second, Random rng)
    {
        var a = Digits.Read(first, Length);
        var b = Digits.Read(second, Length);
        var child = new int[Length];
        for (var i = 0; i < Length; i++)
        {
            child[i] = rng.Next(2) == 0 ? a[i] : b[i];
        }

        return Digits.ToCandidate(child);
    }

    public IReadOnlyList<string> Validate(Candidate candidate) => Digits.TryRead(candidate, Length).Problems;

    public double[] Encode(Candidate candidate) =>
        Digits.Read(candidate, Length).Select(d => d / 9.0).ToArray();

    /// <summary>One choice per position: <c>digit0=3</c>, <c>digit1=7</c>, ...</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DescribeChoices(Candidate candidate) =>
        [.. Digits.Read(candidate, Length).Select((d, i) => new KeyValuePair<string, string>(DigitName(i), d.ToString(CultureInfo.InvariantCulture)))];

    /// <summary>The encoding is one scaled value per position, so it is named like the choices.</summary>
    public IReadOnlyList<string> EncodingFeatureNames => [.. Enumerable.Range(0, Length).Select(DigitName)];

    public IReadOnlyDictionary<string, double> FreeStatistics(Candidate candidate)
    {
        var digits = Digits.Read(candidate, Length);
        return new Dictionary<string, double>
        {
            ["sum"] = digits.Sum(),
            ["distinct"] = digits.Distinct().Count(),
        };
    }

    private static string DigitName(int position) => "digit" + position.ToString(CultureInfo.InvariantCulture);
}
