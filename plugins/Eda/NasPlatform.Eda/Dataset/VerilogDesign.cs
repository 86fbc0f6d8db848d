using Newtonsoft.Json;

namespace NasPlatform.Eda.Dataset;

/// <summary>
/// A user's Verilog design in a sweep: the file (absolute path) and its top module, which is also the
/// design's name in the dataset. The file is synthesized and placed like a generated design; it must be
/// self-contained (qflow copies only this file into the project, so `include`d files are not found).
/// A .sv file, or any file with <see cref="SystemVerilog"/> set (`nas eda dataset --sv`), is read as SystemVerilog
/// (yosys read_verilog -sv), in the up-front check and by qflow.
/// </summary>
public sealed record VerilogDesign([property: JsonProperty("path")] string Path, [property: JsonProperty("top")] string Top)
{
    /// <summary>Read as SystemVerilog whatever the file's extension (`--sv`); left out of spec.json when false.</summary>
    [JsonProperty("systemVerilog", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool SystemVerilog { get; init; }

    [JsonIgnore]
    public bool IsSystemVerilog => SystemVerilog || Path.EndsWith(".sv", StringComparison.OrdinalIgnoreCase);
}
