using System.Globalization;
using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Candidates;

namespace NasPlatform.Abstractions.Spaces;

/// <summary>
/// Helpers for <see cref="ISearchSpace.DescribeChoices"/>: the default description (every leaf of the
/// candidate's JSON under its path) and the text form of a JSON value, so every space writes values alike.
/// </summary>
public static class CandidateChoices
{
    /// <summary>
    /// Every leaf of the candidate's canonical JSON as a name=value pair, in canonical (sorted-key) order:
    /// object keys joined by '.', array items as <c>name[i]</c>, e.g. <c>recipe.lr=0.1</c>, <c>ops[2]=conv</c>.
    /// Only a space whose candidates all have the same JSON shape gets the same names for every candidate
    /// this way; a space with variable-length candidates overrides <see cref="ISearchSpace.DescribeChoices"/>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Flatten(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var pairs = new List<KeyValuePair<string, string>>();
        AddLeaves(candidate.ToJson(), string.Empty, pairs);
        return pairs;
    }

    /// <summary>
    /// A JSON value as table text: strings without quotes, numbers in invariant culture (round-trip form),
    /// booleans as true/false, null and a missing value as the empty string, arrays and objects as compact JSON.
    /// </summary>
    public static string Text(JToken? value) => value switch
    {
        null => string.Empty,
        { Type: JTokenType.Null } => string.Empty,
        JValue { Value: string s } => s,
        JValue { Value: bool b } => b ? "true" : "false",
        JValue { Value: double d } => d.ToString("R", CultureInfo.InvariantCulture),
        JValue { Value: IFormattable f } => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static void AddLeaves(JToken token, string path, List<KeyValuePair<string, string>> pairs)
    {
        switch (token)
        {
            case JObject obj when obj.HasValues:
                foreach (var property in obj.Properties())
                {
                    AddLeaves(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, pairs);
                }

                break;
            case JArray array when array.Count > 0:
                for (var i = 0; i < array.Count; i++)
                {
                    AddLeaves(array[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", pairs);
                }

                break;
            default:
                pairs.Add(new(path.Length == 0 ? "value" : path, Text(token)));
                break;
        }
    }
}
