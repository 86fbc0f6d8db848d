using Newtonsoft.Json.Linq;

namespace NasPlatform.Cli.Infrastructure;

/// <summary>Metric values as written in result files: rounded to 6 decimals; NaN and infinities (which JSON cannot hold) as null.</summary>
internal static class JsonNumbers
{
    public static JToken Rounded(double value) => double.IsFinite(value) ? new JValue(Math.Round(value, 6)) : JValue.CreateNull();
}
