using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace HelloPlugin;

/// <summary>Options of the "digits" space: declared once here; the host generates their JSON Schema and binds them.</summary>
public sealed record DigitsOptions
{
    /// <summary>Number of digits in a candidate.</summary>
    [Description("Number of digits in a candidate.")]
    [Range(1, 32)]
    public int Length { get; init; } = 4;
}
