using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;

namespace HelloPlugin;

/// <summary>
/// The domain type behind a candidate: a fixed-length row of decimal digits, stored as
/// <c>{"digits":[3,1,4,1]}</c>. Keeping the conversion in one place lets the space and the
/// evaluator agree on the format.
/// </summary>
internal static class Digits
{
    public static Candidate ToCandidate(int[] digits) =>
        Candidate.From(new JObject { ["digits"] = new JArray(digits) });

    /// <summary>
    /// Reads the digits, or lists what is wrong with the candidate's JSON. <paramref name="lengthOwner"/>
    /// says what fixes the length, for the message: the space or the evaluator's target.
    /// </summary>
    public static (int[]? Digits, List<string> Problems) TryRead(Candidate candidate, int expectedLength, string lengthOwner = "this space")
    {
        var problems = new List<string>();
        if (candidate.ToJson() is not JObject obj)
        {
            problems.Add("a hello candidate is a JSON object like {\"digits\":[3,1,4,1]}");
            return (null, problems);
        }

        foreach (var extra in obj.Properties().Where(p => p.Name != "digits"))
        {
            problems.Add($"unexpected property '{extra.Name}'; only 'digits' is allowed");
        }

        if (obj["digits"] is not JArray array)
        {
            problems.Add("property 'digits' must be an array of integers 0-9");
            return (null, problems);
        }

        if (array.Count != expectedLength)
        {
            problems.Add($"'digits' has {array.Count} entries but {lengthOwner} has length {expectedLength}");
        }

        var digits = new int[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i].Type != JTokenType.Integer || (long)array[i] is < 0 or > 9)
            {
                problems.Add($"digits[{i}] is {array[i].ToString(Newtonsoft.Json.Formatting.None)}; expected an integer from 0 to 9");
                continue;
            }

            digits[i] = (int)array[i];
        }

        return (problems.Count == 0 ? digits : null, problems);
    }

    /// <summary>Reads the digits of a candidate that must be valid; throws a readable error otherwise.</summary>
    public static int[] Read(Candidate candidate, int expectedLength, string lengthOwner = "this space")
    {
        var (digits, problems) = TryRead(candidate, expectedLength, lengthOwner);
        return digits ?? throw new ArgumentException($"Not a valid hello candidate {candidate.Json}: {string.Join("; ", problems)}.", nameof(candidate));
    }
}
