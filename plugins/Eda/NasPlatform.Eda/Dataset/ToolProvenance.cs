using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>One tool run behind a sample.</summary>
public sealed record ToolProvenance(
    [property: JsonProperty("command")] string Command,
    [property: JsonProperty("exitCode")] int ExitCode,
    [property: JsonProperty("timedOut")] bool TimedOut,
    [property: JsonProperty("seconds")] double Seconds);
