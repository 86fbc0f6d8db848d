using Newtonsoft.Json.Linq;
using NasPlatform.Abstractions.Evaluation;
using NasPlatform.Abstractions.Plugins;
using NasPlatform.Plugins.Quantum.Evaluation;
using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Quantum.Simulator;

namespace NasPlatform.Plugins.Quantum.Tests.Tasks;

/// <summary>
/// Molecules in the VQE options: psi4 runs once per input (cached on disk, $NASPLATFORM_PSI4_CACHE or
/// ~/.cache/nasplatform/psi4), the exact energy is the sector's (psi4's FCI), the Hartree–Fock state is the
/// default initial state, and unusable options name their place.
/// </summary>
public sealed class MolecularHamiltonianOptionsTests : IDisposable
{
    private const string LiH = """{ "molecule": { "geometry": "Li 0 0 0; H 0 0 1.6", "basis": "sto-3g", "frozenCore": 1, "activeOrbitals": 5 }, "mapping": "parity", "taper": true""";

    // H2 (Szabo & Ostlund, R = 1.4 bohr) in PySCF's layout.
    private const string H2Fcidump = " &FCI NORB=   2,NELEC= 2,MS2=0,\n  ORBSYM=1,5,\n  ISYM=1,\n &END\n 0.6746 1 1 1 1\n 0.6636 2 2 1 1\n 0.1813 2 1 2 1\n 0.6975 2 2 2 2\n -1.2528 1 1 0 0\n -0.4756 2 2 0 0\n 0.714285714285714 0 0 0 0\n";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("molecule-options-");

    public void Dispose() => _work.Delete(true);

    [Fact]
    public void LiH_with_frozen_core_and_parity_tapering_has_psi4s_energies_on_8_qubits()
    {
        var problem = HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>(LiH + " }"), TestContexts.In());
        Assert.Equal(8, problem.NumQubits);
        Assert.Equal(problem.HartreeFockState, problem.InitialState);
        Assert.Equal("11110000", problem.InitialState);
        var metrics = problem.ReferenceMetrics!;
        Assert.Equal(-7.8618647698, metrics["scf_energy"], 9);
        Assert.Equal(metrics["scf_energy"], metrics["hf_energy"], 8);
        Assert.Equal(metrics["scf_energy"], problem.Hamiltonian.Expectation(StateVector.FromBasisString(problem.InitialState!)), 8);
        var exact = new VqeTask(problem) { Cache = TestCache.Shared }.Exact;
        Assert.Equal(metrics["psi4_fci_energy"], exact.Energy, 8);
        Assert.Equal(1, exact.Degeneracy);
        Assert.Equal("1.3.2", problem.Provenance!["psi4_version"][..5]);
        Assert.Contains("frozen core 1, 5 active orbitals", problem.Description);
    }

    [Fact]
    public void A_trial_on_LiH_reports_the_references_and_records_psi4s_provenance()
    {
        var evaluator = VariationalEvaluator.Create(new VqeTaskFactory(), TestContexts.Bind<VqeEvaluatorOptions>(LiH + """, "fidelities": ["s40x1"] }"""), TestContexts.In());
        var request = new EvaluationRequest(CircuitFactory.Layered(8, 2), evaluator.Fidelities[0], 3, _work.FullName);
        var result = evaluator.Evaluate(request, null, CancellationToken.None);
        Assert.True(result.Metrics["energy_error"] > -1e-9);
        Assert.Equal(result.Metrics["psi4_fci_energy"], result.Metrics["exact_energy"], 8);
        Assert.True(result.Metrics.ContainsKey("hf_energy"));
        var parameters = JObject.Parse(File.ReadAllText(Assert.Single(result.Artifacts, a => a.Name == "parameters").Path));
        Assert.Equal("psi4", (string?)parameters["problem"]!["source"]);
        Assert.StartsWith("1.", (string?)parameters["problem"]!["psi4_version"], StringComparison.Ordinal);
        Assert.Equal("N_alpha=1, N_beta=1", (string?)parameters["problem"]!["sector"]);
    }

    [Theory]
    [InlineData("jordan-wigner")]
    [InlineData("bravyi-kitaev")]
    public void An_fcidump_file_is_mapped_and_solved_in_its_sector(string mapping)
    {
        File.WriteAllText(Path.Combine(_work.FullName, "h2.fcidump"), H2Fcidump);
        var problem = HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>($$"""{ "hamiltonianFile": "h2.fcidump", "mapping": "{{mapping}}", "initialState": "hartree-fock" }"""), TestContexts.In(_work.FullName));
        Assert.Equal(4, problem.NumQubits);
        var e1 = 2 * -1.2528 + 0.6746;
        var e2 = 2 * -0.4756 + 0.6975;
        var ground = (e1 + e2) / 2 - Math.Sqrt(Math.Pow((e1 - e2) / 2, 2) + 0.1813 * 0.1813) + 1 / 1.4;
        Assert.Equal(ground, new VqeTask(problem) { Cache = TestCache.Shared }.Exact.Energy, 10);
        Assert.Equal(e1 + 1 / 1.4, problem.ReferenceMetrics!["hf_energy"], 12);
    }

    [Theory]
    [InlineData("""{ "molecule": { "geometry": "Li 0 0 0; H 0 0 1.6", "basis": "sto-9zz" } }""", "molecule", "BasisSetNotFound")]
    [InlineData("""{ "molecule": { "geometry": "Li 0 0; H 0 0 1.6" } }""", "molecule.geometry", "Symbol x y z")]
    [InlineData("""{ "molecule": { "geometry": "Li 0 0 0; H 0 0 1.6", "frozenCore": 3 } }""", "molecule.frozenCore", "freeze at most 2")]
    [InlineData("""{ "molecule": { "geometry": "Li 0 0 0; H 0 0 1.6", "frozenCore": 1, "activeOrbitals": 9 } }""", "molecule.activeOrbitals", "give 1 to 5")]
    [InlineData("""{ "molecule": { "geometry": "Li 0 0 0; H 0 0 1.6" }, "qubits": 14 }""", "qubits", "leave \"qubits\" out")]
    [InlineData("""{ "molecule": { "geometry": "Li 0 0 0; H 0 0 1.6" }, "frozenCore": 1 }""", "frozenCore", "inside it")]
    [InlineData("""{ "hamiltonian": { "model": "tfim", "qubits": 4 }, "mapping": "parity" }""", "mapping", "molecular Hamiltonians only")]
    [InlineData("""{ "hamiltonian": { "model": "tfim", "qubits": 4 }, "initialState": "hartree-fock" }""", "initialState", "no")]
    [InlineData("""{ "hamiltonian": "Z0", "molecule": { "geometry": "H 0 0 0; H 0 0 0.7" } }""", "molecule", "exactly one")]
    public void Unusable_molecular_options_name_their_place(string options, string optionPath, string fragment)
    {
        var error = Assert.Throws<ComponentConfigurationException>(() => HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>(options), TestContexts.In()));
        Assert.Equal(optionPath, error.OptionPath);
        Assert.Contains(fragment, error.Message);
    }

    [Fact]
    public void A_malformed_fcidump_names_file_and_line()
    {
        File.WriteAllText(Path.Combine(_work.FullName, "bad.fcidump"), "&FCI NORB=2, NELEC=2, &END\n 0.5 1 1 1 1\n 0.5 1 1 x 0\n");
        var error = Assert.Throws<ComponentConfigurationException>(() => HamiltonianOptions.Parse(TestContexts.Bind<VqeEvaluatorOptions>("""{ "hamiltonianFile": "bad.fcidump" }"""), TestContexts.In(_work.FullName)));
        Assert.Equal("hamiltonianFile", error.OptionPath);
        Assert.Contains("bad.fcidump:3:", error.Message);
    }
}
