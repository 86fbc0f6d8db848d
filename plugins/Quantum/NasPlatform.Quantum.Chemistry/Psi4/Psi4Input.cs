using System.Globalization;
using System.Text;

namespace NasPlatform.Quantum.Chemistry.Psi4;

/// <summary>
/// The psi4 input for a molecule: RHF with exact (PK) integrals converged to 1e-10, no point-group
/// symmetry (so the FCIDUMP lists orbitals by energy, which is what frozen core and active space count
/// on), <c>fcidump(wfn, 'molecule.fcidump')</c> of all orbitals, and optionally psi4's FCI with the same
/// frozen core and active space (dropped docc/uocc) as a reference. The numbers psi4 computed go to
/// <see cref="ResultFile"/> as JSON.
/// </summary>
public static class Psi4Input
{
    /// <summary>The FCIDUMP psi4 writes.</summary>
    public const string FcidumpFile = "molecule.fcidump";

    /// <summary>The JSON file with psi4's energies, orbital counts and version.</summary>
    public const string ResultFile = "nas-result.json";

    /// <summary>The input text for <paramref name="molecule"/>.</summary>
    /// <exception cref="MoleculeSpecException">The molecule is unusable.</exception>
    public static string Write(MoleculeSpec molecule)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        var atoms = molecule.Validate();
        var text = new StringBuilder();
        text.AppendLine("# psi4 input written by NasPlatform (NasPlatform.Quantum.Chemistry.Psi4.Psi4Input)");
        text.AppendLine("import json");
        text.AppendLine();
        text.AppendLine("molecule mol {");
        text.AppendLine(Invariant($"{molecule.Charge} {molecule.Multiplicity}"));
        foreach (var atom in atoms)
        {
            text.AppendLine(atom);
        }

        text.AppendLine("units angstrom");
        text.AppendLine("symmetry c1");
        text.AppendLine("no_reorient");
        text.AppendLine("no_com");
        text.AppendLine("}");
        text.AppendLine();
        text.AppendLine(Invariant($"set basis {molecule.Basis.ToLowerInvariant()}"));
        text.AppendLine("set reference rhf");
        text.AppendLine("set scf_type pk");
        text.AppendLine("set e_convergence 1e-10");
        text.AppendLine("set d_convergence 1e-10");
        text.AppendLine();
        text.AppendLine("scf_e, scf_wfn = energy('scf', return_wfn=True)");
        text.AppendLine(Invariant($"fcidump(scf_wfn, '{FcidumpFile}')"));
        text.AppendLine("nas = {'psi4_version': psi4.__version__, 'scf_energy': scf_e, 'nuclear_repulsion': mol.nuclear_repulsion_energy(),");
        text.AppendLine("       'nmo': scf_wfn.nmo(), 'nalpha': scf_wfn.nalpha(), 'nbeta': scf_wfn.nbeta()}");
        if (molecule.ComputeFci)
        {
            text.AppendLine(Invariant($"nas_frozen = {molecule.FrozenCore}"));
            text.AppendLine(molecule.ActiveOrbitals is { } active ? Invariant($"nas_active = {active}") : "nas_active = scf_wfn.nmo() - nas_frozen");
            text.AppendLine("nas_dropped = scf_wfn.nmo() - nas_frozen - nas_active");
            text.AppendLine("# An active space that does not fit is reported by NasPlatform with the FCIDUMP in hand; psi4 skips FCI then.");
            text.AppendLine("if nas_dropped >= 0 and nas_active > 0 and nas_frozen <= scf_wfn.nbeta() and scf_wfn.nalpha() - nas_frozen <= nas_active:");
            text.AppendLine("    core.set_global_option('FROZEN_DOCC', [nas_frozen])");
            text.AppendLine("    core.set_global_option('FROZEN_UOCC', [nas_dropped])");
            text.AppendLine("    core.set_global_option('R_CONVERGENCE', 1e-7)");
            text.AppendLine("    nas['fci_energy'] = energy('fci', ref_wfn=scf_wfn)");
            text.AppendLine("    nas['fci_frozen_core'] = nas_frozen");
            text.AppendLine("    nas['fci_active_orbitals'] = nas_active");
        }

        text.AppendLine();
        text.AppendLine(Invariant($"with open('{ResultFile}', 'w') as nas_file:"));
        text.AppendLine("    json.dump(nas, nas_file)");
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
