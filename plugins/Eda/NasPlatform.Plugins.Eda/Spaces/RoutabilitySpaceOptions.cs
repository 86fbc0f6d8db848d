using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Plugins.Eda.Spaces;

/// <summary>Options of the "routability-fcn" space: how deep the encoder may go, and the feature grid the cost statistics are counted on.</summary>
public sealed record RoutabilitySpaceOptions
{
    /// <summary>Most encoder stages; each halves the resolution, so the grid must divide by 2^maxStages.</summary>
    [Description("Most encoder stages (each halves the resolution; the grid must divide by 2^maxStages).")]
    [Range(1, 4)]
    public int MaxStages { get; init; } = 4;

    /// <summary>Fewest encoder stages.</summary>
    [Description("Fewest encoder stages.")]
    [Range(1, 4)]
    public int MinStages { get; init; } = 2;

    /// <summary>Feature grid size (tiles per side), for the FLOP count.</summary>
    [Description("Feature grid size, for the FLOP count.")]
    [Range(4, 256)]
    public int Grid { get; init; } = 32;

    /// <summary>Feature channels, for the parameter and FLOP counts.</summary>
    [Description("Feature channels, for the parameter and FLOP counts.")]
    [Range(1, 64)]
    public int Channels { get; init; } = 9;
}
