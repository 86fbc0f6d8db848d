using NasPlatform.Plugins.Quantum.Tasks.Vqe;
using NasPlatform.Plugins.Quantum.Training;
using NasPlatform.Quantum.Chemistry.Ansatz;
using NasPlatform.Quantum.Chemistry.Hamiltonian;
using NasPlatform.Quantum.Chemistry.Integrals;
using NasPlatform.Quantum.Chemistry.Mapping;
using NasPlatform.Quantum.Chemistry.Psi4;
using Xunit.Abstractions;

namespace NasPlatform.Plugins.Quantum.Tests.Tasks;

/// <summary>UCCSD, the chemists' baseline, trained by the plugin's L-BFGS from zero amplitudes on psi4's molecules.</summary>
public sealed class UccsdBaselineTests(ITestOutputHelper output)
{
    [Fact]
    public void Uccsd_reaches_FCI_for_H2()
    {
        var (hamiltonian, fci) = Molecule(new MoleculeSpec("H 0 0 0; H 0 0 0.735", "sto-3g"), FermionMappingKind.JordanWigner, taper: false);
        var (energy, uccsd) = Train(hamiltonian);
        output.WriteLine($"H2 UCCSD: {uccsd.Excitations.Count} parameters, {uccsd.CnotCount} CNOTs, error {energy - fci:E2}");
        Assert.Equal(fci, energy, 8);
    }

    [Fact]
    public void Uccsd_reaches_chemical_accuracy_for_LiH_with_frozen_core()
    {
        var (hamiltonian, fci) = Molecule(new MoleculeSpec("Li 0 0 0; H 0 0 1.6", "sto-3g", FrozenCore: 1, ActiveOrbitals: 5), FermionMappingKind.Parity, taper: true);
        var (energy, uccsd) = Train(hamiltonian);
        output.WriteLine($"LiH UCCSD (parity, tapered, 8 qubits): {uccsd.Excitations.Count} parameters, {uccsd.CnotCount} CNOTs, error {energy - fci:E2}");
        Assert.True(energy - fci < 1.6e-3, $"error {energy - fci}");
        Assert.True(energy - fci > -1e-9);

        // The same pool on untapered Jordan-Wigner qubits, fermionic and qubit excitations: CNOT counts for comparison.
        var (jw, _) = Molecule(new MoleculeSpec("Li 0 0 0; H 0 0 1.6", "sto-3g", FrozenCore: 1, ActiveOrbitals: 5), FermionMappingKind.JordanWigner, taper: false);
        var (jwEnergy, jwUccsd) = Train(jw);
        var (qebEnergy, qeb) = Train(jw, qubitExcitations: true);
        output.WriteLine($"LiH UCCSD (jordan-wigner, 10 qubits): {jwUccsd.CnotCount} CNOTs, error {jwEnergy - fci:E2}; qubit-excitation UCCSD: {qeb.CnotCount} CNOTs, error {qebEnergy - fci:E2}");
        Assert.True(qeb.CnotCount < jwUccsd.CnotCount);
        Assert.True(qebEnergy - fci < 1.6e-3, $"qubit-excitation error {qebEnergy - fci}");
    }

    private static (MolecularQubitHamiltonian Hamiltonian, double Fci) Molecule(MoleculeSpec spec, FermionMappingKind mapping, bool taper)
    {
        var psi4 = new Psi4Driver().RunAsync(spec).GetAwaiter().GetResult();
        var integrals = ActiveSpace.Select(FcidumpReader.Read(psi4.FcidumpPath), spec.FrozenCore, spec.ActiveOrbitals);
        return (MolecularQubitHamiltonian.Build(integrals, mapping, taper), psi4.FciEnergy!.Value);
    }

    private static (double Energy, UccsdAnsatz Uccsd) Train(MolecularQubitHamiltonian hamiltonian, bool qubitExcitations = false)
    {
        var uccsd = UccsdAnsatz.Build(hamiltonian, qubitExcitations);
        var objective = new VqeObjective(uccsd.Circuit, hamiltonian.Hamiltonian, null);
        var budget = new TrainingBudget(300, 1, new OptimizerSettings(InitialSigma: 0, PlateauTolerance: 1e-12));
        return (Trainer.Minimize(objective, budget, new Random(1)).BestLoss, uccsd);
    }
}
