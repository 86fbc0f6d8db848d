using System.Globalization;
using Newtonsoft.Json;

namespace NasPlatform.Engine.Storage;

/// <summary>
/// Serializes named doubles (metrics, free statistics) so they read back bit for bit: values are
/// written in round-trip form ("R") and parsed as doubles, never as decimals; non-finite values,
/// which JSON has no number for, are written as the strings "NaN", "Infinity" and "-Infinity".
/// </summary>
internal static class NumberMapJson
{
    public static string Write(IReadOnlyDictionary<string, double> values)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, FloatFormatHandling = FloatFormatHandling.String })
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values)
            {
                writer.WritePropertyName(name);
                writer.WriteValue(value);
            }

            writer.WriteEndObject();
        }

        return text.ToString();
    }

    public static IReadOnlyDictionary<string, double> Read(string json)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        using var reader = new JsonTextReader(new StringReader(json)) { FloatParseHandling = FloatParseHandling.Double, DateParseHandling = DateParseHandling.None };
        Expect(reader.Read() && reader.TokenType == JsonToken.StartObject, json);
        while (reader.Read() && reader.TokenType == JsonToken.PropertyName)
        {
            var name = (string)reader.Value!;
            Expect(reader.Read(), json);
            values[name] = reader.TokenType switch
            {
                JsonToken.Float => (double)reader.Value!,
                JsonToken.Integer => Convert.ToDouble(reader.Value, CultureInfo.InvariantCulture),
                JsonToken.String => double.Parse((string)reader.Value!, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => throw new FormatException($"Stored value '{name}' is not a number in {json}."),
            };
        }

        Expect(reader.TokenType == JsonToken.EndObject, json);
        return values.AsReadOnly();
    }

    private static void Expect(bool condition, string json)
    {
        if (!condition)
        {
            throw new FormatException($"Stored numbers are not a JSON object of numbers: {json}");
        }
    }
}
