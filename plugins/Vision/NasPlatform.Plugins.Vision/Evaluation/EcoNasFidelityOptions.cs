using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace NasPlatform.Plugins.Vision.Evaluation;

/// <summary>One EcoNAS fidelity as an experiment file gives it: the four reduction factors, each in (0, 1].</summary>
public sealed record EcoNasFidelityOptions
{
    /// <summary>Channel scale.</summary>
    [Description("channel scale")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public required double C { get; init; }

    /// <summary>Resolution scale.</summary>
    [Description("resolution scale")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public required double R { get; init; }

    /// <summary>Fraction of the training images.</summary>
    [Description("fraction of the training images")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public required double S { get; init; }

    /// <summary>Fraction of the recipe's epochs.</summary>
    [Description("fraction of the recipe's epochs")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public required double E { get; init; }

    /// <summary>The fidelity these factors make.</summary>
    public EcoNasFidelity ToFidelity() => new(C, R, S, E);

    /// <summary>The factors of <paramref name="fidelity"/>.</summary>
    public static EcoNasFidelityOptions Of(EcoNasFidelity fidelity)
    {
        ArgumentNullException.ThrowIfNull(fidelity);
        return new() { C = fidelity.Channels, R = fidelity.Resolution, S = fidelity.Samples, E = fidelity.Epochs };
    }
}
