using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Plugins;

namespace NasPlatform.Plugins.Quantum.Tests;

/// <summary>Component contexts for factories, from JSON text.</summary>
internal static class TestContexts
{
    public static ComponentContext Of(string optionsJson, string? baseDirectory = null) =>
        new(JObject.Parse(optionsJson), baseDirectory ?? Path.GetTempPath(), AppContext.BaseDirectory, 0);
}
