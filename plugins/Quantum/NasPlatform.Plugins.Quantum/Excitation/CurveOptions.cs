using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;

namespace NasPlatform.Plugins.Quantum.Excitation;

/// <summary>
/// A bond-dissociation curve file (`nas quantum curve FILE`, <see cref="DissociationCurve"/>): a molecule whose
/// geometry holds "{r}" where the bond length goes, the bond lengths, and the ADAPT-VQE search run at each.
/// </summary>
public sealed record CurveOptions
{
    /// <summary>The placeholder of the bond length in the geometry.</summary>
    public const string Placeholder = "{r}";

    /// <summary>The molecule, its geometry with "{r}" for the bond length in angstrom.</summary>
    [Description("The molecule as in the vqe evaluator's \"molecule\"; its geometry holds {r} where the bond length (angstrom) goes, e.g. \"Li 0 0 0; H 0 0 {r}\".")]
    public required MoleculeOptions Molecule { get; init; }

    /// <summary>Bond lengths in angstrom, in the order the curve walks them.</summary>
    [Description("Bond lengths in angstrom, in the order they are computed (transfer goes from each to the next).")]
    [MinLength(1)]
    public required IReadOnlyList<double> BondLengths { get; init; }

    /// <summary>The operator pool of the ADAPT-VQE search.</summary>
    [Description("The ADAPT-VQE pool: qeb (default), qubit or fermionic-sd.")]
    [AllowedValues(ExcitationOperatorPool.Fermionic, ExcitationOperatorPool.Qubit, ExcitationOperatorPool.Qeb)]
    public string Pool { get; init; } = ExcitationOperatorPool.Qeb;

    /// <summary>The VQE training fidelity of every circuit.</summary>
    [Description("The training fidelity of every circuit, e.g. s300x1.")]
    public string Fidelity { get; init; } = "s300x1";

    /// <summary>Stop growing a circuit when its energy error is at most this (Ha).</summary>
    [Description("Stop growing a circuit when its energy error against FCI in the active space is at most this (Ha).")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double ChemicalAccuracy { get; init; } = 1.6e-3;

    /// <summary>Stop growing when the pool gradient norm falls below this (Ha/rad).</summary>
    [Description("Stop growing a circuit when the norm of the pool gradients falls below this (Ha/rad).")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double GradientThreshold { get; init; } = 1e-3;

    /// <summary>Most operators in a circuit.</summary>
    [Description("Most operators in a circuit.")]
    [Range(1, 200)]
    public int MaxOperators { get; init; } = 24;

    /// <summary>The seed of the VQE starts.</summary>
    [Description("Seed of the VQE starts.")]
    public int Seed { get; init; }

    /// <summary>The geometry at <paramref name="bondLength"/>.</summary>
    public string GeometryAt(double bondLength) =>
        Molecule.Geometry.Replace(Placeholder, bondLength.ToString("R", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
