using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Plugins.Quantum.Statistics;

namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>Options of the "excitation" search space (<see cref="ExcitationSpace"/>): the evaluator's molecule, its pool and sizes.</summary>
public sealed record ExcitationSpaceOptions
{
    /// <summary>Active spatial orbitals.</summary>
    [Description("Active spatial orbitals of the evaluator's molecule (its activeOrbitals).")]
    [Range(1, 12)]
    public required int Orbitals { get; init; }

    /// <summary>Active electrons.</summary>
    [Description("Active electrons of the evaluator's molecule (after the frozen core).")]
    [Range(0, int.MaxValue)]
    public required int Electrons { get; init; }

    /// <summary>N_alpha - N_beta; left out, electrons mod 2.</summary>
    [Description("N_alpha - N_beta (default: electrons mod 2).")]
    [Range(0, int.MaxValue)]
    public int? Spin { get; init; }

    /// <summary>The evaluator's fermion-to-qubit mapping.</summary>
    [Description("The evaluator's mapping.")]
    [AllowedValues("jordan-wigner", "parity", "bravyi-kitaev")]
    public string Mapping { get; init; } = "jordan-wigner";

    /// <summary>The evaluator's taper.</summary>
    [Description("The evaluator's taper (fermionic-sd pool only).")]
    public bool Taper { get; init; }

    /// <summary>The operator pool.</summary>
    [Description("fermionic-sd: spin-preserving singles and doubles (UCCSD, ADAPT-VQE); qubit: their Pauli strings without Z strings (qubit-ADAPT); qeb: whole qubit excitations (QEB-ADAPT, 2 CNOTs a single, 13 a double). qubit and qeb: jordan-wigner, no taper.")]
    [AllowedValues(ExcitationOperatorPool.Fermionic, ExcitationOperatorPool.Qubit, ExcitationOperatorPool.Qeb)]
    public string Pool { get; init; } = ExcitationOperatorPool.Fermionic;

    /// <summary>Most operators in a candidate.</summary>
    [Description("Most operators in a candidate.")]
    [Range(1, 400)]
    public int MaxOperators { get; init; } = 8;

    /// <summary>Random parameter draws per candidate for the statistics.</summary>
    [Description("Random parameter draws per candidate for expressibility and entangling capability.")]
    [Range(2, 4096)]
    public int StatisticsSamples { get; init; } = CircuitStatistics.DefaultSamples;
}
