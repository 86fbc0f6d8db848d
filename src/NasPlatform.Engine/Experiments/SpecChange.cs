using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NasPlatform.Engine.Experiments;

/// <summary>One setting where an experiment file differs from the spec its store was started with.</summary>
/// <param name="Path">JSON path of the setting (<c>$.strategy.name</c>).</param>
/// <param name="Stored">The stored value; null where the stored spec does not set it.</param>
/// <param name="Given">The file's value; null where the file does not set it.</param>
public sealed record SpecChange(string Path, JToken? Stored, JToken? Given)
{
    /// <summary><c>$.seed: 0 (stored) -> 5 (file)</c>.</summary>
    public override string ToString() => $"{Path}: {Text(Stored)} (stored) -> {Text(Given)} (file)";

    private static string Text(JToken? value) => value is null ? "(not set)" : value.ToString(Formatting.None);
}
