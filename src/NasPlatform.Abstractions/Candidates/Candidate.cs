using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Abstractions.Candidates;

/// <summary>
/// One point of a search space: an architecture (and whatever else the space searches, such as
/// a training recipe), held as canonical JSON. Immutable. Two candidates are equal when their
/// canonical JSON is equal, so the engine never evaluates the same candidate twice.
/// </summary>
public sealed class Candidate : IEquatable<Candidate>
{
    private readonly JToken _value;

    private Candidate(JToken canonical, string json)
    {
        _value = canonical;
        Json = json;
        Hash = ComputeHash(json);
    }

    /// <summary>Canonical JSON: object keys sorted ordinally, no whitespace.</summary>
    public string Json { get; }

    /// <summary>Hex SHA-256 of <see cref="Json"/> (first 16 bytes); equal candidates hash equal.</summary>
    public string Hash { get; }

    /// <summary>Builds a candidate from any JSON value; keys are re-ordered into canonical form.</summary>
    public static Candidate From(JToken value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var canonical = Canonicalize(value);
        return new Candidate(canonical, canonical.ToString(Formatting.None));
    }

    /// <summary>Builds a candidate from an object, serialized with Newtonsoft.Json's defaults.</summary>
    public static Candidate FromObject(object value) => From(JToken.FromObject(value));

    /// <summary>Parses candidate JSON (for example from the store).</summary>
    /// <exception cref="JsonReaderException">The text is not JSON.</exception>
    public static Candidate Parse(string json) =>
        From(JToken.Parse(json));

    /// <summary>A deep copy of the candidate's JSON value, free to modify.</summary>
    public JToken ToJson() => _value.DeepClone();

    /// <summary>Deserializes the candidate into a domain type.</summary>
    public T ToObject<T>() => _value.ToObject<T>() ?? throw new JsonSerializationException($"Candidate {Hash} deserialized to null as {typeof(T).Name}.");

    /// <inheritdoc />
    public bool Equals(Candidate? other) => other is not null && string.Equals(Json, other.Json, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Candidate);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Json);

    /// <inheritdoc />
    public override string ToString() => Json;

    private static JToken Canonicalize(JToken token) => token switch
    {
        JObject obj => new JObject(obj.Properties()
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new JProperty(p.Name, Canonicalize(p.Value)))),
        JArray array => new JArray(array.Select(Canonicalize)),
        _ => token.DeepClone(),
    };

    private static string ComputeHash(string json)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(json));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}
