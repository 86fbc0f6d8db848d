using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace HelloPlugin;

/// <summary>Options of "hill-climb": declared once here; the host generates their schema and binds them.</summary>
public sealed record HillClimbOptions
{
    /// <summary>Random candidates before climbing.</summary>
    [Description("Random candidates before climbing.")]
    [Range(1, int.MaxValue)]
    public int InitialSamples { get; init; } = 4;
}
