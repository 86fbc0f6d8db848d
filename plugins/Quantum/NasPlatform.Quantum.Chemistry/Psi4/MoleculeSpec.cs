using System.Globalization;
using System.Text.RegularExpressions;

namespace NasPlatform.Quantum.Chemistry.Psi4;

/// <summary>
/// A molecule for psi4: Cartesian geometry in ångström ("Li 0 0 0; H 0 0 1.6", atoms separated by ';'
/// or new lines), basis set, charge and multiplicity, and the active space the Hamiltonian keeps
/// (<see cref="FrozenCore"/> lowest orbitals frozen, <see cref="ActiveOrbitals"/> kept after them).
/// </summary>
/// <param name="Geometry">Atoms as "Symbol x y z", ångström.</param>
/// <param name="Basis">A basis set psi4 knows ("sto-3g", "6-31g", "cc-pvdz").</param>
/// <param name="Charge">Total charge.</param>
/// <param name="Multiplicity">2S+1; psi4's FCIDUMP needs an RHF reference, so 1.</param>
/// <param name="FrozenCore">Lowest orbitals kept doubly occupied.</param>
/// <param name="ActiveOrbitals">Orbitals kept after the frozen ones (null: all).</param>
/// <param name="ComputeFci">Also run psi4's FCI in the same active space, as a reference.</param>
public sealed partial record MoleculeSpec(
    string Geometry, string Basis, int Charge = 0, int Multiplicity = 1, int FrozenCore = 0, int? ActiveOrbitals = null, bool ComputeFci = true)
{
    /// <summary>The atoms, one "Symbol x y z" per entry, normalized to single spaces.</summary>
    /// <exception cref="MoleculeSpecException">The specification is unusable; <see cref="MoleculeSpecException.Field"/> names the field.</exception>
    public IReadOnlyList<string> Validate()
    {
        if (!BasisName().IsMatch(Basis ?? string.Empty))
        {
            throw new MoleculeSpecException("basis", $"basis \"{Basis}\" is not a basis-set name such as sto-3g, 6-31g* or cc-pvdz.");
        }

        if (Multiplicity != 1)
        {
            throw new MoleculeSpecException("multiplicity", $"multiplicity {Multiplicity}: psi4 writes an FCIDUMP only from a restricted closed-shell (RHF) reference, so molecules here are singlets (multiplicity 1). For an open shell, write the FCIDUMP with another code (PySCF ROHF) and give it as hamiltonianFile.");
        }

        if (Math.Abs(Charge) > 20)
        {
            throw new MoleculeSpecException("charge", $"charge {Charge} is out of range (−20 to 20).");
        }

        if (FrozenCore < 0)
        {
            throw new MoleculeSpecException("frozenCore", $"frozenCore is {FrozenCore}; give 0 or more orbitals.");
        }

        if (ActiveOrbitals is < 1)
        {
            throw new MoleculeSpecException("activeOrbitals", $"activeOrbitals is {ActiveOrbitals}; give at least 1, or leave it out to keep all orbitals.");
        }

        var atoms = new List<string>();
        var entries = (Geometry ?? string.Empty).Split([';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var entry in entries)
        {
            var match = Atom().Match(entry.Replace(',', ' '));
            if (!match.Success)
            {
                throw new MoleculeSpecException("geometry", $"atom {atoms.Count + 1} \"{entry}\" is not \"Symbol x y z\" (Cartesian, ångström), as in \"Li 0 0 0; H 0 0 1.6\".");
            }

            atoms.Add(string.Join(' ', match.Groups["symbol"].Value, match.Groups["x"].Value, match.Groups["y"].Value, match.Groups["z"].Value));
        }

        if (atoms.Count == 0)
        {
            throw new MoleculeSpecException("geometry", "the geometry has no atoms; write \"Symbol x y z\" per atom in ångström, separated by ';', as in \"Li 0 0 0; H 0 0 1.6\".");
        }

        return atoms;
    }

    /// <summary>"Li 0 0 0; H 0 0 1.6 / sto-3g" for messages.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Geometry} / {Basis}");

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9+*()\-_,]{0,40}$")]
    private static partial Regex BasisName();

    [GeneratedRegex(@"^(?<symbol>[A-Za-z]{1,3}[0-9]{0,3})\s+(?<x>[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)\s+(?<y>[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)\s+(?<z>[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)$")]
    private static partial Regex Atom();
}
