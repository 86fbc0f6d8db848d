using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Plugins.Quantum.Excitation;

namespace NasPlatform.Plugins.Quantum.Strategies;

/// <summary>Options of "adapt-vqe".</summary>
public sealed record AdaptVqeOptions
{
    /// <summary>The pool, stated for the reader; it must be the excitation space's.</summary>
    [Description("The pool (must be the excitation space's \"pool\"; stated here for the reader).")]
    [AllowedValues(ExcitationOperatorPool.Fermionic, ExcitationOperatorPool.Qubit, ExcitationOperatorPool.Qeb)]
    public string? Pool { get; init; }

    /// <summary>Stop when the norm of the pool gradients is below this (Ha/rad).</summary>
    [Description("Stop when the norm of the pool gradients is below this (Ha/rad).")]
    [Range(0.0, double.PositiveInfinity, MinimumIsExclusive = true)]
    public double GradientThreshold { get; init; } = 1e-3;

    /// <summary>Stop when energy_error is at most this (Ha); 0 never stops on accuracy.</summary>
    [Description("Stop when energy_error is at most this (Ha); 0: never stop on accuracy.")]
    [Range(0.0, double.PositiveInfinity)]
    public double ChemicalAccuracy { get; init; } = 1.6e-3;

    /// <summary>Most operators; null means the space's maxOperators.</summary>
    [Description("Most operators (default: the space's maxOperators; at most that).")]
    [Range(1, int.MaxValue)]
    public int? MaxOperators { get; init; }
}
