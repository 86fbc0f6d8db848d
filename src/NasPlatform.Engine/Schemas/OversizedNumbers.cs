using System.Globalization;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Schemas;

/// <summary>
/// Numbers that JSON allows but .NET cannot hold as the int or double the engine reads them into.
/// Newtonsoft.Json reads an integer beyond 64 bits as a <see cref="BigInteger"/>, which neither the
/// schema validator nor <c>(int)token</c> can convert (InvalidCastException), and a number beyond a
/// double's range as infinity, which every range check lets through.
/// </summary>
public static class OversizedNumbers
{
    /// <summary>
    /// Replaces every <see cref="BigInteger"/> value under <paramref name="root"/> by the nearest double
    /// (infinity when even a double cannot hold it), keeping the written digits as a
    /// <see cref="NumberLiteral"/>: afterwards every number converts without throwing, and a schema
    /// asking for an integer reports it with the range it allows.
    /// </summary>
    public static void Normalize(JToken root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var value in Values(root).Where(v => v.Value is BigInteger).ToList())
        {
            var big = (BigInteger)value.Value!;
            if (value.Annotation<NumberLiteral>() is null)
            {
                value.AddAnnotation(new NumberLiteral(big.ToString(CultureInfo.InvariantCulture)));
            }

            value.Value = (double)big;
        }
    }

    /// <summary>Whether <paramref name="token"/> is a number outside the range of an int (or not finite).</summary>
    public static bool BeyondInt(JToken? token) => token is JValue value && value.Value switch
    {
        double d => !(d >= int.MinValue && d <= int.MaxValue),
        float f => !(f >= int.MinValue && f <= int.MaxValue),
        long l => l is < int.MinValue or > int.MaxValue,
        decimal m => m is < int.MinValue or > int.MaxValue,
        BigInteger => true,
        _ => false,
    };

    /// <summary>Whether <paramref name="token"/> is a number a double cannot hold (read as infinity, or NaN).</summary>
    public static bool IsNonFinite(JToken? token) =>
        token is JValue { Value: double d } && !double.IsFinite(d)
        || token is JValue { Value: float f } && !float.IsFinite(f);

    /// <summary>The number as written when it was annotated; null otherwise.</summary>
    public static string? Literal(JToken? token) => token?.Annotation<NumberLiteral>()?.Text;

    /// <summary>Every value token of <paramref name="root"/>, itself included.</summary>
    internal static IEnumerable<JValue> Values(JToken root) =>
        (root is JContainer container ? container.DescendantsAndSelf() : [root]).OfType<JValue>();
}
