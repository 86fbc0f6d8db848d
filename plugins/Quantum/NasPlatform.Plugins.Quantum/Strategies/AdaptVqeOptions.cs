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

    /// <summary>How the next operator is picked.</summary>
    [Description("How the next operator is picked: \"gradient\" (largest |dE/dtheta|, ADAPT-VQE as published) or \"gradient-per-cnot\" (largest |dE/dtheta| per CNOT of the operator's circuit).")]
    [AllowedValues(AdaptSelection.Gradient, AdaptSelection.GradientPerCnot)]
    public string Selection { get; init; } = AdaptSelection.Gradient;

    /// <summary>Operators appended after the first circuit within chemicalAccuracy.</summary>
    [Description("Operators appended after the first circuit within chemicalAccuracy, before stopping or pruning (default 0).")]
    [Range(0, int.MaxValue)]
    public int ExtraOperators { get; init; }

    /// <summary>Whether the grown accurate circuit is pruned.</summary>
    [Description("Once grown, remove operators one at a time (most CNOTs, then smallest |angle| first) while the re-optimized circuit stays within chemicalAccuracy; needs chemicalAccuracy > 0.")]
    public bool Prune { get; init; }

    /// <summary>Whether pruning ends with stepping stones.</summary>
    [Description("With prune: once no removal stays within chemicalAccuracy, grow the best removal outside it again by ADAPT steps (the selection rule) while it has fewer CNOTs than the current circuit; a grown circuit within chemicalAccuracy replaces it and pruning resumes.")]
    public bool Regrow { get; init; }
}
