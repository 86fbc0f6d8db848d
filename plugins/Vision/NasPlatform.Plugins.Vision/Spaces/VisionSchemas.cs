using NasPlatform.Torch;

namespace NasPlatform.Plugins.Vision.Spaces;

/// <summary>
/// Schemas of options whose list items carry ranges or numeric choices, which the options generator cannot read
/// from a C# type (its ranges and allowed values apply to the property, not to each item): given by hand through
/// <see cref="NasPlatform.Abstractions.Options.SchemaFragmentAttribute"/>.
/// </summary>
internal static class VisionSchemas
{
    /// <summary>Channel widths and similar counts: at least one, each 1 to 4096.</summary>
    public const string Widths = """{ "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 1, "maximum": 4096 } }""";

    /// <summary>Positive integers without an upper bound (epochs, batch sizes of the baselines).</summary>
    public const string PositiveInts = """{ "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 1 } }""";

    /// <summary>MBConv expansion ratios, 1 to 8.</summary>
    public const string Expansions = """{ "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 1, "maximum": 8 } }""";

    /// <summary>Depthwise kernel sizes.</summary>
    public const string Kernels = """{ "type": "array", "minItems": 1, "items": { "enum": [3, 5, 7] } }""";

    /// <summary>Block counts of an MBConv stage, 0 (skip) to 16.</summary>
    public const string StageDepths = """{ "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 0, "maximum": 16 } }""";

    /// <summary>Block counts of a DNA stage, 0 (skip) to 8.</summary>
    public const string DnaDepths = """{ "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 0, "maximum": 8 } }""";

    /// <summary>Stage strides.</summary>
    public const string Strides = """{ "type": "array", "minItems": 1, "items": { "enum": [1, 2] } }""";

    /// <summary>Head widths, 0 (no head) to 4096.</summary>
    public const string Heads = """{ "type": "array", "minItems": 1, "items": { "type": "integer", "minimum": 0, "maximum": 4096 } }""";

    /// <summary>Shares in [0, 1) (label smoothing, dropout, EMA decay).</summary>
    public const string OpenShares = """{ "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0, "exclusiveMaximum": 1 } }""";

    /// <summary>Shares in [0, 1] (augmentation strength, erasing probability).</summary>
    public const string Shares = """{ "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0, "maximum": 1 } }""";

    /// <summary>Mixup's Beta alpha, 0 (off) to 10.</summary>
    public const string MixupAlphas = """{ "type": "array", "minItems": 1, "items": { "type": "number", "minimum": 0, "maximum": 10 } }""";

    /// <summary>A training device: cpu, auto, cuda or cuda:N.</summary>
    public const string Device = """{ "type": "string", "pattern": """ + "\"" + TorchDevices.Pattern + "\" }";
}
