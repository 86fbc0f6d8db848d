using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Quantum.Chemistry.Psi4;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>The "molecule" option of the VQE task: what psi4 computes (<see cref="MolecularHamiltonianOptions"/>).</summary>
public sealed record MoleculeOptions
{
    /// <summary>Cartesian atoms in angstrom.</summary>
    [Description("Cartesian atoms in angstrom, 'Symbol x y z' separated by ';', e.g. \"Li 0 0 0; H 0 0 1.6\".")]
    [MinLength(1)]
    public required string Geometry { get; init; }

    /// <summary>The basis set.</summary>
    [MinLength(1)]
    public string Basis { get; init; } = "sto-3g";

    /// <summary>Total charge.</summary>
    public int Charge { get; init; }

    /// <summary>2S+1.</summary>
    [Description("2S+1; psi4's FCIDUMP needs RHF, so 1.")]
    [Range(1, int.MaxValue)]
    public int Multiplicity { get; init; } = 1;

    /// <summary>Lowest orbitals kept doubly occupied.</summary>
    [Description("Lowest orbitals kept doubly occupied.")]
    [Range(0, int.MaxValue)]
    public int FrozenCore { get; init; }

    /// <summary>Orbitals kept after the frozen ones; left out, all.</summary>
    [Description("Orbitals kept after the frozen ones (default: all).")]
    [Range(1, int.MaxValue)]
    public int? ActiveOrbitals { get; init; }

    /// <summary>Whether psi4 also runs FCI in the active space.</summary>
    [Description("Also run psi4's FCI in the active space (reported as psi4_fci_energy).")]
    public bool Fci { get; init; } = true;

    /// <summary>The psi4 input these options describe.</summary>
    public MoleculeSpec ToSpec() => new(Geometry, Basis, Charge, Multiplicity, FrozenCore, ActiveOrbitals, Fci);
}
