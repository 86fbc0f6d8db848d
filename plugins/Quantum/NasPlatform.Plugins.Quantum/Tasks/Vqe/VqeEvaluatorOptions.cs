using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using NasPlatform.Abstractions.Options;
using NasPlatform.Plugins.Quantum.Evaluation;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>
/// Options of the "vqe" evaluator: the training options and the problem. Exactly one of <see cref="Hamiltonian"/>,
/// <see cref="HamiltonianFile"/> and <see cref="Molecule"/> (checked by <see cref="HamiltonianOptions.Parse"/>,
/// which also checks the options that only a molecular source takes).
/// </summary>
public sealed record VqeEvaluatorOptions : VariationalEvaluatorOptions
{
    /// <summary>The task's name, optional here.</summary>
    [Description("Optional here; if given it must be \"vqe\".")]
    [AllowedValues(VqeTaskFactory.TaskName)]
    public string? Task { get; init; }

    /// <summary>A Pauli sum (text) or a built-in model (<see cref="HamiltonianModelOptions"/>).</summary>
    [SchemaFragment(HamiltonianOptions.Schema)]
    public JsonElement? Hamiltonian { get; init; }

    /// <summary>A file holding a Pauli sum, or an FCIDUMP.</summary>
    [Description("Path of a text file holding a Pauli sum, or of an FCIDUMP (name ending in .fcidump, from psi4, PySCF, Molpro, ORCA), relative to the experiment file.")]
    [MinLength(1)]
    public string? HamiltonianFile { get; init; }

    /// <summary>A molecule psi4 computes.</summary>
    [Description("A molecule psi4 computes (Debian package psi4): RHF, FCIDUMP, and psi4's FCI in the same active space as a reference; cached on disk by input.")]
    public MoleculeOptions? Molecule { get; init; }

    /// <summary>Fermion-to-qubit mapping of a molecular Hamiltonian.</summary>
    [Description("Fermion-to-qubit mapping for a molecule or an .fcidump file (spin orbitals in blocks: alpha 0..n-1, beta n..2n-1).")]
    [AllowedValues("jordan-wigner", "parity", "bravyi-kitaev")]
    public string Mapping { get; init; } = "jordan-wigner";

    /// <summary>Whether to taper off the N_alpha and N_beta parities.</summary>
    [Description("Taper off the N_alpha and N_beta parity symmetries (two qubits fewer; any mapping).")]
    public bool Taper { get; init; }

    /// <summary>With an .fcidump file: lowest orbitals kept doubly occupied.</summary>
    [Description("With an .fcidump hamiltonianFile: lowest orbitals (file order) kept doubly occupied.")]
    [Range(0, int.MaxValue)]
    public int? FrozenCore { get; init; }

    /// <summary>With an .fcidump file: orbitals kept after the frozen ones.</summary>
    [Description("With an .fcidump hamiltonianFile: orbitals kept after the frozen ones.")]
    [Range(1, int.MaxValue)]
    public int? ActiveOrbitals { get; init; }

    /// <summary>Register size, when larger than the Hamiltonian's.</summary>
    [Description("Register size, when it is larger than the Hamiltonian's highest qubit + 1 (not for molecules).")]
    [Range(1, HamiltonianOptions.MaxQubits)]
    public int? Qubits { get; init; }

    /// <summary>Basis state the circuit starts from, or "hartree-fock".</summary>
    [Description("Basis state the circuit starts from, qubit 0 first, or \"hartree-fock\" (default: |0...0>, or the Hartree-Fock state for molecules, .fcidump files and the H2 models).")]
    [RegularExpression("^([01]+|hartree-fock)$")]
    public string? InitialState { get; init; }
}
