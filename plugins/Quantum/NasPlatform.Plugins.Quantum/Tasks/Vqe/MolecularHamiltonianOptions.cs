using System.Globalization;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Chemistry.Hamiltonian;
using NasPlatform.Quantum.Chemistry.Integrals;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Chemistry.Psi4;

namespace NasPlatform.Plugins.Quantum.Tasks.Vqe;

/// <summary>
/// Molecular Hamiltonians for VQE: "molecule" ({"geometry": "Li 0 0 0; H 0 0 1.6", "basis": "sto-3g",
/// "charge": 0, "multiplicity": 1, "frozenCore": 1, "activeOrbitals": 5}) runs psi4 once (cached on disk)
/// for an FCIDUMP; "hamiltonianFile" ending in .fcidump reads one written by any code (then "frozenCore"
/// and "activeOrbitals" sit beside it). Either is mapped to qubits by "mapping" (jordan-wigner, parity,
/// bravyi-kitaev) and optionally tapered ("taper": the N_alpha and N_beta parities, two qubits fewer).
/// </summary>
internal static class MolecularHamiltonianOptions
{
    /// <summary>Whether <paramref name="path"/> names an FCIDUMP (by extension .fcidump, or a file called FCIDUMP).</summary>
    public static bool IsFcidump(string path) =>
        path.EndsWith(".fcidump", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Path.GetFileName(path), "FCIDUMP", StringComparison.OrdinalIgnoreCase);

    /// <summary>Options that only a molecular source takes, when set (to other than their defaults) without one.</summary>
    public static void RejectWithoutMolecule(VqeEvaluatorOptions options)
    {
        var defaults = new VqeEvaluatorOptions();
        var set = new[]
        {
            ("mapping", options.Mapping != defaults.Mapping),
            ("taper", options.Taper != defaults.Taper),
            ("frozenCore", options.FrozenCore is not null),
            ("activeOrbitals", options.ActiveOrbitals is not null),
        };
        if (set.FirstOrDefault(s => s.Item2).Item1 is { } name)
        {
            throw new ComponentConfigurationException(name, $"\"{name}\" applies to molecular Hamiltonians only: give \"molecule\" or an .fcidump \"hamiltonianFile\", or leave \"{name}\" out.");
        }
    }

    /// <summary>Runs psi4 for the "molecule" option and maps the result.</summary>
    public static HamiltonianSource FromMolecule(MoleculeOptions molecule, VqeEvaluatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(molecule);
        ArgumentNullException.ThrowIfNull(options);
        var spec = molecule.ToSpec();
        if (options.FrozenCore is not null || options.ActiveOrbitals is not null)
        {
            throw new ComponentConfigurationException(options.FrozenCore is not null ? "frozenCore" : "activeOrbitals",
                "With \"molecule\", give frozenCore and activeOrbitals inside it (\"molecule\": {\"frozenCore\": 1, …}).");
        }

        Psi4Result psi4;
        try
        {
            psi4 = new Psi4Driver().RunAsync(spec).GetAwaiter().GetResult();
        }
        catch (MoleculeSpecException e)
        {
            throw new ComponentConfigurationException("molecule." + e.Field, e.Message, e);
        }
        catch (Psi4Exception e)
        {
            throw new ComponentConfigurationException("molecule", e.Message, e);
        }

        var reference = new Dictionary<string, double> { ["scf_energy"] = psi4.ScfEnergy };
        if (psi4.FciEnergy is { } fci)
        {
            reference["psi4_fci_energy"] = fci;
        }

        var provenance = new Dictionary<string, string>
        {
            ["source"] = "psi4",
            ["psi4_version"] = psi4.Psi4Version,
            ["psi4_input_sha256"] = psi4.InputHash,
            ["psi4_run_utc"] = psi4.CreatedUtc,
            ["psi4_seconds"] = psi4.Seconds.ToString("R", CultureInfo.InvariantCulture),
            ["psi4_executable"] = psi4.Executable,
            ["fcidump"] = psi4.FcidumpPath,
            ["molecule"] = spec.ToString(),
        };
        return Map(ReadIntegrals(psi4.FcidumpPath, "molecule", $"psi4 {spec}"), spec.FrozenCore, spec.ActiveOrbitals, "molecule.", options, reference, provenance);
    }

    /// <summary>Reads an .fcidump hamiltonianFile and maps it.</summary>
    public static HamiltonianSource FromFcidump(string path, VqeEvaluatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provenance = new Dictionary<string, string> { ["source"] = "fcidump", ["fcidump"] = path };
        return Map(ReadIntegrals(path, "hamiltonianFile", null), options.FrozenCore ?? 0, options.ActiveOrbitals, string.Empty, options, new Dictionary<string, double>(), provenance);
    }

    private static MolecularIntegrals ReadIntegrals(string path, string optionPath, string? name)
    {
        try
        {
            return FcidumpReader.Read(path, name);
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException)
        {
            throw new ComponentConfigurationException(optionPath, e.Message, e);
        }
    }

    private static HamiltonianSource Map(MolecularIntegrals full, int frozenCore, int? activeOrbitals, string prefix, VqeEvaluatorOptions options,
        Dictionary<string, double> reference, Dictionary<string, string> provenance)
    {
        MolecularIntegrals active;
        try
        {
            active = ActiveSpace.Select(full, frozenCore, activeOrbitals);
        }
        catch (ArgumentException e)
        {
            throw new ComponentConfigurationException(prefix + (e.ParamName ?? "activeOrbitals"), e.Message.Split(" (Parameter", 2)[0], e);
        }

        var mapping = FermionMappingNames.TryParse(options.Mapping)
            ?? throw new ComponentConfigurationException("mapping", $"Unknown mapping \"{options.Mapping}\"; use {string.Join(", ", FermionMappingNames.All)}.");
        var taper = options.Taper;
        var qubits = 2 * active.NumOrbitals - (taper ? 2 : 0);
        if (qubits > HamiltonianOptions.MaxQubits)
        {
            throw new ComponentConfigurationException(prefix + "activeOrbitals", string.Create(CultureInfo.InvariantCulture,
                $"{active.Source} has {active.NumOrbitals} active orbitals, {qubits} qubits{(taper ? " after tapering" : string.Empty)}; VQE here simulates at most {HamiltonianOptions.MaxQubits}. Set {prefix}frozenCore and {prefix}activeOrbitals to at most {(HamiltonianOptions.MaxQubits + (taper ? 2 : 0)) / 2} active orbitals."));
        }

        var molecular = MolecularQubitHamiltonian.Build(active, mapping, taper);
        reference["hf_energy"] = molecular.HartreeFockEnergy();
        provenance["active_space"] = active.Source;
        provenance["mapping"] = FermionMappingNames.Name(mapping) + (taper ? ", tapered (N_alpha, N_beta parities)" : string.Empty);
        provenance["sector"] = molecular.Sector.Name;
        provenance["hartree_fock_state"] = molecular.HartreeFockState;
        return new HamiltonianSource(molecular.Hamiltonian, molecular.Description, molecular.HartreeFockState, molecular.Sector, reference, provenance)
        {
            Register = ExcitationRegister.Of(molecular),
        };
    }
}
